import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { httpSuite } from "./fixtures/http-suite"
import { applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { backingPromotionCode, couponService, createCoupon, usageOf } from "./fixtures/coupons"
import { createNativePromotion } from "./fixtures/promotions"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

/*
 * The store (fixtures/store.ts): Jacket 100, Socks 20, flat shipping 10.
 * USD region: prices exclude tax, 10% tax on items and shipping.
 * EUR region "fr": prices include 20% VAT (net = gross / 1.2).
 *
 * Medusa's adjustments are amounts before tax; the cart's total falls by the
 * adjustment plus the tax on it. A fixed amount is taken off the net price in
 * both regions (the backing promotion is not tax inclusive, Medusa's default).
 *
 * Baselines, one Jacket and shipping:
 *   USD: items 100 + tax 10, shipping 10 + tax 1          → total 121
 *   EUR incl.: Jacket 100 gross (83.33 + 16.67 VAT),
 *              shipping 10 gross (8.33 + 1.67 VAT)         → total 110
 */
const USD_BASE_TOTAL = 121
const EUR_INCL_BASE_TOTAL = 110

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const CART_FIELDS = "+coupon_codes.code"

  const appliedCodes = async (cartId: string) =>
    ((await getCart(api, store, cartId, CART_FIELDS)).coupon_codes ?? []).map((code: { code: string }) => code.code)

  const removeCode = (cartId: string, code: string) =>
    api.delete(`/store/carts/${cartId}/coupons/${encodeURIComponent(code)}`, store.storeHeaders).catch((error) => error.response)

  const nativePromotions = (cartId: string, promoCodes: string[]) =>
    api.post(`/store/carts/${cartId}/promotions`, { promo_codes: promoCodes }, store.storeHeaders).catch((error) => error.response)

  const orderCount = async () => {
    const { data } = await api.get("/admin/orders?fields=id", store.adminHeaders)
    return data.count as number
  }

  describe("POST /store/carts/:id/coupons", () => {
    it("should take 10% off the items of a tax-exclusive USD cart and list the normalized code", async () => {
      await createCoupon(getContainer(), { code: "TEN-OFF", discount_type: "percentage", discount_value: 10 })
      const cartId = await createCart(api, store)
      expect((await getCart(api, store, cartId)).total).toBe(USD_BASE_TOTAL)

      const response = await applyCode(api, store, cartId, " ten-off ")

      expect(response.status).toBe(200)
      // 10% of 100 = 10 off the Jacket; its tax falls from 10 to 9:
      // (100 - 10) × 1.1 + 10 × 1.1 = 99 + 11 = 110, discount 10 + 1 tax = 11
      expect(response.data.cart.total).toBe(110)
      expect(response.data.cart.discount_total).toBe(11)
      expect(response.data.cart.coupon_codes).toEqual([expect.objectContaining({ code: "TEN-OFF" })])
      const cart = await getCart(api, store, cartId, CART_FIELDS)
      expect(cart.total).toBe(110)
      expect(cart.coupon_codes).toEqual([{ id: expect.any(String), code: "TEN-OFF", state: "active" }])
    })

    it("should take a fixed amount in the cart's currency off a tax-exclusive USD cart", async () => {
      await createCoupon(getContainer(), {
        code: "FIFTEEN-USD",
        discount_type: "fixed",
        discount_value: 15,
        currency_code: "usd",
      })
      const cartId = await createCart(api, store)

      const response = await applyCode(api, store, cartId, "FIFTEEN-USD")

      expect(response.status).toBe(200)
      // (100 - 15) × 1.1 + 10 × 1.1 = 93.5 + 11 = 104.5 (15 off plus 1.5 less tax)
      expect(response.data.cart.total).toBeCloseTo(104.5, 2)
      expect(response.data.cart.discount_total).toBeCloseTo(16.5, 2)
    })

    it("should make shipping free on a tax-exclusive USD cart", async () => {
      await createCoupon(getContainer(), { code: "SHIP-FREE", discount_type: "free_shipping", discount_value: 0 })
      const cartId = await createCart(api, store)

      const response = await applyCode(api, store, cartId, "SHIP-FREE")

      expect(response.status).toBe(200)
      // 100 × 1.1 + (10 - 10) × 1.1 = 110: shipping 10 and its tax 1 are gone, items untouched
      expect(response.data.cart.total).toBe(110)
      expect(response.data.cart.shipping_total).toBe(0)
      expect(response.data.cart.item_total).toBe(110)
    })

    it("should take 10% off the items of a tax-inclusive EUR cart", async () => {
      await createCoupon(getContainer(), { code: "TEN-OFF", discount_type: "percentage", discount_value: 10 })
      const cartId = await createCart(api, store, { region: "eurInclusive" })
      expect((await getCart(api, store, cartId)).total).toBeCloseTo(EUR_INCL_BASE_TOTAL, 2)

      const response = await applyCode(api, store, cartId, "TEN-OFF")

      expect(response.status).toBe(200)
      // 10% of the Jacket's net 83.33 = 8.33, with its VAT 1.67 that is 10 of the gross 100:
      // Jacket 90 + shipping 10 = 100
      expect(response.data.cart.total).toBeCloseTo(100, 2)
      expect(response.data.cart.discount_total).toBeCloseTo(10, 2)
    })

    it("should take a fixed EUR amount off the gross price of a tax-inclusive EUR cart", async () => {
      await createCoupon(getContainer(), {
        code: "FIFTEEN-EUR",
        discount_type: "fixed",
        discount_value: 15,
        currency_code: "eur",
      })
      const cartId = await createCart(api, store, { region: "eurInclusive" })

      const response = await applyCode(api, store, cartId, "FIFTEEN-EUR")

      expect(response.status).toBe(200)
      // prices include VAT, so the 15 the merchant typed comes off the gross price (issue 14 #5):
      // Jacket 100 → 85, + shipping 10 = 95 (it used to be 15 + 20% VAT = 18 off, 92)
      expect(response.data.cart.total).toBeCloseTo(95, 2)
      expect(response.data.cart.discount_total).toBeCloseTo(15, 2)
    })

    it("should make shipping free on a tax-inclusive EUR cart", async () => {
      await createCoupon(getContainer(), { code: "SHIP-FREE", discount_type: "free_shipping", discount_value: 0 })
      const cartId = await createCart(api, store, { region: "eurInclusive" })

      const response = await applyCode(api, store, cartId, "SHIP-FREE")

      expect(response.status).toBe(200)
      // shipping 10 gross (8.33 net + 1.67 VAT) is gone: 110 - 10 = 100, the Jacket still 100
      expect(response.data.cart.total).toBeCloseTo(100, 2)
      expect(response.data.cart.shipping_total).toBeCloseTo(0, 2)
      expect(response.data.cart.item_total).toBeCloseTo(100, 2)
    })

    it("should refuse a code that does not apply with 400, the reason as code and the cart untouched", async () => {
      await createCoupon(getContainer(), { code: "BIG-BASKET", min_subtotal: 500 })
      const cartId = await createCart(api, store)

      const refused = await applyCode(api, store, cartId, "BIG-BASKET")
      const unknown = await applyCode(api, store, cartId, "NO-SUCH-CODE")

      expect(refused.status).toBe(400)
      expect(refused.data).toEqual(
        expect.objectContaining({ type: "not_allowed", code: "min_subtotal_not_met", message: expect.any(String) })
      )
      expect(unknown.status).toBe(400)
      expect(unknown.data).toEqual(expect.objectContaining({ type: "not_allowed", code: "not_found" }))
      const cart = await getCart(api, store, cartId, CART_FIELDS)
      expect(cart.total).toBe(USD_BASE_TOTAL)
      expect(cart.coupon_codes).toEqual([])
      expect(cart.promotions).toEqual([])
    })

    it("should keep the code when an item is added and let Medusa recompute the discount", async () => {
      await createCoupon(getContainer(), { code: "TEN-OFF" })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "TEN-OFF")).status).toBe(200)

      const {
        data: { cart: added },
      } = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: store.cheapVariantId, quantity: 1 }, store.storeHeaders)
      // items 100 + 20 = 120, 10% = 12 off: 108 × 1.1 + 11 = 118.8 + 11 = 129.8
      expect(added.total).toBeCloseTo(129.8, 2)
      expect(added.discount_subtotal).toBeCloseTo(12, 2)

      const socks = added.items.find((item: { variant_id: string }) => item.variant_id === store.cheapVariantId)
      const {
        data: { cart: changed },
      } = await api.post(`/store/carts/${cartId}/line-items/${socks.id}`, { quantity: 3 }, store.storeHeaders)
      // items 100 + 3 × 20 = 160, 10% = 16 off: 144 × 1.1 + 11 = 158.4 + 11 = 169.4
      expect(changed.total).toBeCloseTo(169.4, 2)
      expect(changed.discount_subtotal).toBeCloseTo(16, 2)
      expect(await appliedCodes(cartId)).toEqual(["TEN-OFF"])
    })
  })

  describe("DELETE /store/carts/:id/coupons/:code", () => {
    it("should remove the code and its discount", async () => {
      await createCoupon(getContainer(), { code: "TEN-OFF" })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "TEN-OFF")).data.cart.total).toBe(110)

      const response = await removeCode(cartId, "ten-off")

      expect(response.status).toBe(200)
      expect(response.data.cart.total).toBe(USD_BASE_TOTAL)
      expect(response.data.cart.discount_total).toBe(0)
      expect(response.data.cart.coupon_codes).toEqual([])
      expect(response.data.cart.promotions).toEqual([])
      const cart = await getCart(api, store, cartId, CART_FIELDS)
      expect(cart.total).toBe(USD_BASE_TOTAL)
      expect(cart.coupon_codes).toEqual([])
    })

    it("should answer 404 for a code that is not on the cart", async () => {
      await createCoupon(getContainer(), { code: "TEN-OFF" })
      await createCoupon(getContainer(), { code: "OTHER-CODE" })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "TEN-OFF")).status).toBe(200)

      const notApplied = await removeCode(cartId, "OTHER-CODE")
      const unknown = await removeCode(cartId, "NO-SUCH-CODE")

      expect(notApplied.status).toBe(404)
      expect(unknown.status).toBe(404)
      expect(await appliedCodes(cartId)).toEqual(["TEN-OFF"])
      expect((await getCart(api, store, cartId)).total).toBe(110)
    })
  })

  describe("POST /store/carts/:id/complete", () => {
    it("should place the order with the cart's discount and record the redemption", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "TEN-OFF", usage_limit: 5 })
      const cartId = await createCart(api, store, { email: "buyer@example.com" })
      expect((await applyCode(api, store, cartId, "TEN-OFF")).status).toBe(200)
      const cart = await getCart(api, store, cartId)

      const response = await completeCart(api, store, cartId)

      expect(response.status).toBe(200)
      expect(response.data.type).toBe("order")
      const order = response.data.order
      // the order carries exactly what the cart showed: 121 - 11 = 110
      expect(order.total).toBe(cart.total)
      expect(order.discount_total).toBe(cart.discount_total)
      expect(order.total).toBe(110)
      expect(order.discount_total).toBe(11)

      const usage = await usageOf(getContainer(), coupon.id)
      expect(usage.redemptions).toHaveLength(1)
      expect(usage.redemptions[0]).toEqual(
        expect.objectContaining({
          code: "TEN-OFF",
          order_id: order.id,
          cart_id: cartId,
          email: "buyer@example.com",
          status: "redeemed",
          currency_code: "usd",
        })
      )
      // the adjustment amount (before tax), as Medusa computed it
      expect(Number(usage.redemptions[0].discount_amount)).toBe(10)
      expect(Number(usage.redemptions[0].order_total)).toBe(110)
      expect(usage.coupon_usage).toBe(1)
      expect(usage.code_usage).toEqual({ "TEN-OFF": 1 })
      expect(usage.customer_usage["email:buyer@example.com"]).toBe(1)
    })

    it("should fail with the reason and leave the cart intact when the code was disabled after apply", async () => {
      const { coupon, code } = await createCoupon(getContainer(), { code: "TEN-OFF" })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "TEN-OFF")).status).toBe(200)
      await couponService(getContainer()).updateCouponCodes({ id: code.id, status: "disabled" })

      const response = await completeCart(api, store, cartId)

      expect(response.status).toBe(400)
      expect(response.data).toEqual(expect.objectContaining({ type: "not_allowed", code: "inactive" }))
      expect(await orderCount()).toBe(0)
      const cart = await getCart(api, store, cartId, `${CART_FIELDS},+completed_at`)
      expect(cart.completed_at).toBeNull()
      expect(cart.total).toBe(110)
      expect((await usageOf(getContainer(), coupon.id)).redemptions).toEqual([])
    })

    it("should fail with not_found and leave the cart intact when the code was deleted after apply", async () => {
      const { coupon, code } = await createCoupon(getContainer(), { code: "TEN-OFF" })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "TEN-OFF")).status).toBe(200)
      await couponService(getContainer()).softDeleteCouponCodes([code.id])

      const response = await completeCart(api, store, cartId)

      expect(response.status).toBe(400)
      expect(response.data).toEqual(expect.objectContaining({ type: "not_allowed", code: "not_found" }))
      expect(await orderCount()).toBe(0)
      expect((await getCart(api, store, cartId, "+completed_at")).completed_at).toBeNull()
      expect((await usageOf(getContainer(), coupon.id)).coupon_usage).toBe(0)
    })

    it("should fail with the limit reason when another order used the code up meanwhile", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "LAST-ONE", usage_limit: 1 })
      const { coupon: single } = await createCoupon(getContainer(), { code: "SINGLE-USE", code_usage_limit: 1 })
      const first = await createCart(api, store, { email: "first@example.com" })
      const second = await createCart(api, store, { email: "second@example.com" })
      const third = await createCart(api, store, { email: "third@example.com" })
      const fourth = await createCart(api, store, { email: "fourth@example.com" })
      // a single-use code is held by the cart that applied it (reservation_minutes): as if each hold had run out
      const holdExpired = () =>
        getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)
          .raw(`UPDATE coupon_code_reservation SET expires_at = now() - interval '1 second'`)
      for (const [cartId, code] of [
        [first, "LAST-ONE"],
        [second, "LAST-ONE"],
        [third, "SINGLE-USE"],
        [fourth, "SINGLE-USE"],
      ]) {
        expect((await applyCode(api, store, cartId, code)).status).toBe(200)
        await holdExpired()
      }

      expect((await completeCart(api, store, first)).data.type).toBe("order")
      expect((await completeCart(api, store, third)).data.type).toBe("order")
      const late = await completeCart(api, store, second)
      const lateSingle = await completeCart(api, store, fourth)

      expect(late.status).toBe(400)
      expect(late.data).toEqual(expect.objectContaining({ type: "not_allowed", code: "usage_limit_reached" }))
      expect(lateSingle.status).toBe(400)
      expect(lateSingle.data).toEqual(expect.objectContaining({ type: "not_allowed", code: "code_usage_limit_reached" }))
      expect(await orderCount()).toBe(2)
      expect((await usageOf(getContainer(), coupon.id)).coupon_usage).toBe(1)
      expect((await usageOf(getContainer(), single.id)).code_usage).toEqual({ "SINGLE-USE": 1 })
    })
  })

  describe("POST /store/carts/:id/promotions", () => {
    it("should refuse a coupon's backing promotion code on a cart without the coupon", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "TEN-OFF" })
      const backing = await backingPromotionCode(getContainer(), coupon.id)
      expect(backing).toMatch(/^CPN-/)
      const cartId = await createCart(api, store)

      const response = await nativePromotions(cartId, [backing])

      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
      const cart = await getCart(api, store, cartId)
      expect(cart.total).toBe(USD_BASE_TOTAL)
      expect(cart.discount_total).toBe(0)
      expect(cart.promotions).toEqual([])
    })

    it("should take the public coupon code through the coupon's own rules, not as a promotion code", async () => {
      await createCoupon(getContainer(), { code: "TEN-OFF", sales_channel_ids: [store.otherSalesChannelId] } as never)
      const cartId = await createCart(api, store)

      const response = await nativePromotions(cartId, ["TEN-OFF"])

      expect(response.status).toBe(400)
      expect(response.data).toEqual({
        type: "not_allowed",
        code: "sales_channel_not_allowed",
        message: expect.stringMatching(/^Code TEN-OFF/),
      })
      const cart = await getCart(api, store, cartId)
      expect(cart.total).toBe(USD_BASE_TOTAL)
      expect(cart.promotions).toEqual([])
    })
  })

  describe("coupons beside Medusa's own promotions", () => {
    const nativePromotion = (code: string, automatic = false) => createNativePromotion(getContainer(), code, { automatic })
    const promotionCodes = async (cartId: string) =>
      ((await getCart(api, store, cartId, "*promotions")).promotions ?? []).map((promotion: { code: string }) => promotion.code).sort()

    it("should refuse a native code added after a coupon that is not combinable, naming the coupon's code", async () => {
      await createCoupon(getContainer(), { code: "SOLO", combinable: false })
      await nativePromotion("NATIVE5")
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "SOLO")).status).toBe(200)
      const withCoupon = await getCart(api, store, cartId)

      const response = await nativePromotions(cartId, ["NATIVE5"])
      expect(response.status).toBe(400)
      expect(response.data).toEqual({ type: "not_allowed", code: "not_combinable", message: "NATIVE5 can't be combined with SOLO." })
      // the storefront starter's way: every code shown plus the typed one, in a cart update
      const starter = await api
        .post(`/store/carts/${cartId}`, { promo_codes: ["SOLO", "NATIVE5"] }, store.storeHeaders)
        .catch((error) => error.response)
      expect({ status: starter.status, code: starter.data.code }).toEqual({ status: 400, code: "not_combinable" })

      const cart = await getCart(api, store, cartId)
      expect(cart.discount_total).toBe(withCoupon.discount_total)
      expect(await promotionCodes(cartId)).toEqual(["SOLO"])
    })

    it("should refuse a coupon that is not combinable on a cart holding a native code, naming it", async () => {
      await createCoupon(getContainer(), { code: "SOLO", combinable: false })
      await nativePromotion("NATIVE5")
      const cartId = await createCart(api, store)
      expect((await nativePromotions(cartId, ["NATIVE5"])).status).toBe(200)

      const response = await applyCode(api, store, cartId, "SOLO")
      expect(response.status).toBe(400)
      expect(response.data).toEqual({ type: "not_allowed", code: "not_combinable", message: "SOLO can't be combined with NATIVE5." })
      expect(await promotionCodes(cartId)).toEqual(["NATIVE5"])
      // the order is charged one discount only
      const completed = await completeCart(api, store, cartId)
      expect(completed.data.order.discount_total).toBeCloseTo(5.5, 2)
    })

    it("should stack a combinable coupon with native codes, and any coupon with automatic promotions", async () => {
      await createCoupon(getContainer(), { code: "STACKS", combinable: true })
      await createCoupon(getContainer(), { code: "SOLO", combinable: false })
      await nativePromotion("NATIVE5")
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "STACKS")).status).toBe(200)
      expect((await nativePromotions(cartId, ["NATIVE5"])).status).toBe(200)
      expect(await promotionCodes(cartId)).toEqual(["NATIVE5", "STACKS"])

      await nativePromotion("AUTO5", true)
      const other = await createCart(api, store)
      expect(await promotionCodes(other)).toEqual(["AUTO5"])
      expect((await applyCode(api, store, other, "SOLO")).status).toBe(200)
      expect(await promotionCodes(other)).toEqual(["AUTO5", "SOLO"])
      // combine_with_automatic_promotions is true by default: the order gets both (10% = 11 and 5.5, with tax)
      const completed = await completeCart(api, store, other)
      expect(completed.data.order.discount_total).toBeCloseTo(16.5, 2)
    })
  })
})
