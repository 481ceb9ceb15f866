import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createCouponViaApi, fail } from "./fixtures/admin"
import { applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { usageOf, validateCode } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

jest.setTimeout(300_000)

const TOTALS = "+discount_total,+discount_subtotal,+total"

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture

    beforeEach(async () => {
      store = await createStoreFixture(getContainer())
    })

    const fixed = (code: string, currency_code: string, region_ids: string[]) =>
      createCouponViaApi(api, store, { code, discount_type: "fixed", discount_value: 15, currency_code, region_ids })

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

      it("should refuse a fixed coupon naming regions with and without tax included", async () => {
        const refused = await fail(
          api.post(
            "/admin/coupons",
            {
              name: "Mixed",
              code: "MIXED-15",
              status: "active",
              discount_type: "fixed",
              discount_value: 15,
              currency_code: "eur",
              region_ids: [store.eurRegionId, store.taxInclusiveRegionId],
            },
            store.adminHeaders
          )
        )
        expect(refused.status).toBe(400)
        expect(refused.data).toMatchObject({ type: "invalid_data" })

        const coupon = await fixed("DE-15", "eur", [store.eurRegionId])
        const edit = await fail(
          api.post(`/admin/coupons/${coupon.id}`, { region_ids: [store.eurRegionId, store.taxInclusiveRegionId] }, store.adminHeaders)
        )
        expect(edit.status).toBe(400)
        expect(edit.data).toMatchObject({ type: "invalid_data" })
      })

      it("should follow the regions when an edit moves a fixed coupon to a tax-inclusive region", async () => {
        const coupon = await fixed("MOVE-15", "eur", [store.eurRegionId])
        await api.post(`/admin/coupons/${coupon.id}`, { region_ids: [store.taxInclusiveRegionId] }, store.adminHeaders)
        const cartId = await createCart(api, store, { region: "eurInclusive" })
        expect((await applyCode(api, store, cartId, "MOVE-15")).status).toBe(200)
        expect((await getCart(api, store, cartId, TOTALS)).discount_total).toBe(15)
      })
    })
  },
})
