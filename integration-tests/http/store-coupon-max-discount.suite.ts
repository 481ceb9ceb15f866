import { httpSuite } from "./fixtures/http-suite"
import { createCouponViaApi, fail } from "./fixtures/admin"
import { adjustmentSum, applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { usageOf, validateCode } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

const TOTALS = "+discount_total,+discount_subtotal,+item_tax_total,+total,+items.adjustments.amount,+items.quantity"

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const halfUpToTen = () =>
    createCouponViaApi(api, store, {
      code: "HALF-UP-TO-10",
      discount_type: "percentage",
      discount_value: 50,
      max_discount_amount: 10,
      currency_code: "usd",
    })

  describe("max_discount_amount", () => {
    it("should cap a 50% coupon at 10 in the preview, the cart on every change, the order and the ledger", async () => {
      const coupon = await halfUpToTen()
      const cartId = await createCart(api, store, { items: [{ variant_id: store.variantId, quantity: 2 }] })

      const preview = await validateCode(api, store, { code: "HALF-UP-TO-10", cart_id: cartId })
      expect(preview.data.discount_preview).toEqual({ amount: 10, currency_code: "usd" })

      expect((await applyCode(api, store, cartId, "HALF-UP-TO-10")).status).toBe(200)
      let cart = await getCart(api, store, cartId, TOTALS)
      expect(adjustmentSum(cart)).toBeCloseTo(10, 10)
      expect(cart.discount_subtotal).toBe(10)
      // Medusa's tax on the capped price: (200 - 10) × 10%, shipping 10 + 1
      expect(cart.item_tax_total).toBe(19)
      expect(cart.total).toBe(190 + 19 + 11)

      // every refresh recomputes the adjustments: the cap still holds
      const line = cart.items[0]
      await api.post(`/store/carts/${cartId}/line-items/${line.id}`, { quantity: 3 }, store.storeHeaders)
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: store.cheapVariantId, quantity: 1 }, store.storeHeaders)
      cart = await getCart(api, store, cartId, TOTALS)
      expect(adjustmentSum(cart)).toBeCloseTo(10, 10)
      expect(cart.discount_subtotal).toBe(10)
      expect(cart.total).toBe(310 + 31 + 11)

      const completed = await completeCart(api, store, cartId)
      expect(completed.data.type).toBe("order")
      const { order } = completed.data
      expect(order.discount_subtotal).toBe(10)
      expect(order.total).toBe(310 + 31 + 11)
      const [row] = (await usageOf(getContainer(), coupon.id)).redemptions
      expect(Number(row.discount_amount)).toBe(10)
    })

    it("should hold the cap in the order after a native promotion route recomputed the discounts", async () => {
      const coupon = await createCouponViaApi(api, store, {
        code: "HALF-UP-TO-10",
        discount_value: 50,
        max_discount_amount: 10,
        currency_code: "usd",
        combinable: true,
      })
      await api.post(
        "/admin/promotions",
        {
          code: "NATIVE5",
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: { type: "fixed", target_type: "order", allocation: "across", value: 5, currency_code: "usd" },
        },
        store.adminHeaders
      )
      const cartId = await createCart(api, store, { items: [{ variant_id: store.variantId, quantity: 2 }] })
      expect((await applyCode(api, store, cartId, "HALF-UP-TO-10")).status).toBe(200)
      // Medusa's own route recomputes every promotion of the cart, uncapped
      await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: ["NATIVE5"] }, store.storeHeaders)

      const completed = await completeCart(api, store, cartId)
      expect(completed.data).toMatchObject({ type: "order" })
      const { order } = completed.data
      expect(order.discount_subtotal).toBe(15)
      expect(order.total).toBe(185 + 18.5 + 11)
      const [row] = (await usageOf(getContainer(), coupon.id)).redemptions
      expect(Number(row.discount_amount)).toBe(10)
    })

    it("should leave a discount under the cap as it is", async () => {
      await createCouponViaApi(api, store, {
        code: "TEN-UP-TO-50",
        discount_value: 10,
        max_discount_amount: 50,
        currency_code: "usd",
      })
      const cartId = await createCart(api, store, { items: [{ variant_id: store.variantId, quantity: 2 }] })
      expect((await applyCode(api, store, cartId, "TEN-UP-TO-50")).status).toBe(200)
      expect((await getCart(api, store, cartId, TOTALS)).discount_subtotal).toBe(20)
    })

    it("should refuse a capped coupon in another currency with currency_not_supported", async () => {
      await halfUpToTen()
      const eurCart = await createCart(api, store, { region: "eur" })
      const validated = await validateCode(api, store, { code: "HALF-UP-TO-10", cart_id: eurCart })
      expect(validated.data).toMatchObject({ valid: false, reason: "currency_not_supported" })
      const applied = await applyCode(api, store, eurCart, "HALF-UP-TO-10")
      expect(applied.status).toBe(400)
      expect(applied.data).toMatchObject({ code: "currency_not_supported" })
    })

    it("should refuse a cap without its currency", async () => {
      const refused = await fail(
        api.post(
          "/admin/coupons",
          {
            name: "No currency",
            code: "NO-CUR",
            status: "active",
            discount_type: "percentage",
            discount_value: 50,
            max_discount_amount: 10,
          },
          store.adminHeaders
        )
      )
      expect(refused.status).toBe(400)
      expect(refused.data).toMatchObject({ type: "invalid_data" })
    })
  })
})
