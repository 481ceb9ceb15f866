import { httpSuite } from "./fixtures/http-suite"
import { Modules } from "@medusajs/framework/utils"
import { createCouponViaApi } from "./fixtures/admin"
import { applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { usageOf, validateCode } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

const TOTALS = "+discount_total,+discount_subtotal,+total"

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const fixed = (code: string, currency_code: string, region_ids: string[]) =>
    createCouponViaApi(api, store, { code, discount_type: "fixed", discount_value: 15, currency_code, region_ids })

  /** A EUR 15 coupon's carts and orders in France (tax included) and Germany (tax added), with the ledger's amounts. */
  const expectBothKindsOfRegion = async (code: string, couponId: string) => {
    const inclusive = await createCart(api, store, { region: "eurInclusive", email: "fr@example.com" })
    const exclusive = await createCart(api, store, { region: "eur", email: "de@example.com" })
    expect((await applyCode(api, store, inclusive, code)).status).toBe(200)
    expect((await applyCode(api, store, exclusive, code)).status).toBe(200)

    // France: jacket 100 and shipping 10 with VAT included, 15 off the gross total
    expect(await getCart(api, store, inclusive, TOTALS)).toMatchObject({ discount_total: 15, total: 95 })
    // Germany: 15 off before tax, the 20% VAT on the discounted jacket and the shipping
    expect(await getCart(api, store, exclusive, TOTALS)).toMatchObject({ discount_subtotal: 15, discount_total: 18, total: 114 })

    const frOrder = (await completeCart(api, store, inclusive)).data.order
    const deOrder = (await completeCart(api, store, exclusive)).data.order
    expect(frOrder).toMatchObject({ discount_total: 15, total: 95 })
    expect(deOrder).toMatchObject({ discount_subtotal: 15, discount_total: 18, total: 114 })
    const rows = (await usageOf(getContainer(), couponId)).redemptions
    const amountOf = (orderId: string) => Number(rows.find((row) => row.order_id === orderId)!.discount_amount)
    // the ledger records the discount each order shows: gross in France, before tax in Germany
    expect(amountOf(frOrder.id)).toBe(frOrder.discount_total)
    expect(amountOf(deOrder.id)).toBe(deOrder.discount_subtotal)
  }

  describe("fixed coupons and tax", () => {
    it("should take exactly 15 off the gross total in a region whose prices include tax", async () => {
      const coupon = await fixed("FR-15", "eur", [store.taxInclusiveRegionId])
      // jacket 100 and shipping 10, both with 20% VAT included
      const cartId = await createCart(api, store, { region: "eurInclusive" })

      const preview = await validateCode(api, store, { code: "FR-15", cart_id: cartId })
      expect(preview.data.discount_preview).toEqual({ amount: 15, currency_code: "eur" })

      expect((await applyCode(api, store, cartId, "FR-15")).status).toBe(200)
      const cart = await getCart(api, store, cartId, TOTALS)
      expect(cart.discount_total).toBe(15)
      expect(cart.total).toBe(95)

      const completed = await completeCart(api, store, cartId)
      expect(completed.data.type).toBe("order")
      const { order } = completed.data
      expect(order.discount_total).toBe(15)
      expect(order.total).toBe(95)
      const [row] = (await usageOf(getContainer(), coupon.id)).redemptions
      // the ledger records what the order shows
      expect(Number(row.discount_amount)).toBe(order.discount_total)
    })

    it("should keep a fixed amount pre-tax in a tax-exclusive region", async () => {
      const coupon = await fixed("US-15", "usd", [store.regionId])
      const cartId = await createCart(api, store, { region: "usd" })
      expect((await applyCode(api, store, cartId, "US-15")).status).toBe(200)

      const { order } = (await completeCart(api, store, cartId)).data
      // 15 before tax, the 10% US tax is computed on the discounted price
      expect(order.discount_subtotal).toBe(15)
      expect(order.discount_total).toBe(16.5)
      expect(order.total).toBe(100 + 10 + 11 - 16.5)
      const [row] = (await usageOf(getContainer(), coupon.id)).redemptions
      expect(Number(row.discount_amount)).toBe(order.discount_subtotal)
    })

    it("should take exactly 15 off a fixed coupon without regions: off the gross total where prices include tax, before tax elsewhere", async () => {
      // one EUR coupon, two EUR regions: Germany prices without tax, France with it (both 20% VAT)
      const coupon = await createCouponViaApi(api, store, {
        code: "ANY-15",
        discount_type: "fixed",
        discount_value: 15,
        currency_code: "eur",
      })
      await expectBothKindsOfRegion("ANY-15", coupon.id)
    })

    it("should take exactly 15 in both kinds of region when the coupon names one of each", async () => {
      const coupon = await fixed("BOTH-15", "eur", [store.eurRegionId, store.taxInclusiveRegionId])
      await expectBothKindsOfRegion("BOTH-15", coupon.id)
    })

    it("should follow a region whose prices stop including tax, the coupon's edits and its deletion", async () => {
      const coupon = await createCouponViaApi(api, store, {
        code: "EDIT-15",
        discount_type: "fixed",
        discount_value: 15,
        currency_code: "eur",
      })
      await api.post(`/admin/regions/${store.taxInclusiveRegionId}`, { is_tax_inclusive: false }, store.adminHeaders)
      // France now prices the jacket at 100 before tax: the amount is taken before tax, as in Germany
      const exclusive = await createCart(api, store, { region: "eurInclusive", email: "net@example.com" })
      expect((await applyCode(api, store, exclusive, "EDIT-15")).status).toBe(200)
      expect(await getCart(api, store, exclusive, TOTALS)).toMatchObject({ discount_subtotal: 15, discount_total: 18, total: 114 })

      await api.post(`/admin/regions/${store.taxInclusiveRegionId}`, { is_tax_inclusive: true }, store.adminHeaders)
      await api.post(`/admin/coupons/${coupon.id}`, { discount_value: 20 }, store.adminHeaders)
      const inclusive = await createCart(api, store, { region: "eurInclusive", email: "gross@example.com" })
      expect((await applyCode(api, store, inclusive, "EDIT-15")).status).toBe(200)
      expect(await getCart(api, store, inclusive, TOTALS)).toMatchObject({ discount_total: 20, total: 90 })

      // a percentage is the same money on either total: 10% of the jacket's 100 gross (an order discount skips shipping)
      await api.post(
        `/admin/coupons/${coupon.id}`,
        { discount_type: "percentage", discount_value: 10, currency_code: null },
        store.adminHeaders
      )
      const percentage = await getCart(api, store, inclusive, TOTALS)
      expect(percentage.discount_total).toBeCloseTo(10, 2)
      expect(percentage.total).toBe(100)

      await api.delete(`/admin/coupons/${coupon.id}`, store.adminHeaders)
      expect(await getCart(api, store, inclusive, TOTALS)).toMatchObject({ discount_total: 0, total: 110 })
      // the backing promotion and its twin are gone with the coupon
      const promotions = await getContainer()
        .resolve(Modules.PROMOTION)
        .listPromotions({}, { select: ["code"] })
      expect(promotions.filter((promotion) => promotion.code?.startsWith("CPN-"))).toEqual([])
    })

    it("should follow the regions when an edit moves a fixed coupon to a tax-inclusive region", async () => {
      const coupon = await fixed("MOVE-15", "eur", [store.eurRegionId])
      await api.post(`/admin/coupons/${coupon.id}`, { region_ids: [store.taxInclusiveRegionId] }, store.adminHeaders)
      const cartId = await createCart(api, store, { region: "eurInclusive" })
      expect((await applyCode(api, store, cartId, "MOVE-15")).status).toBe(200)
      expect((await getCart(api, store, cartId, TOTALS)).discount_total).toBe(15)
    })
  })
})
