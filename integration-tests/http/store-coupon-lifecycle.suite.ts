import { httpSuite } from "./fixtures/http-suite"
import { addPaymentSession, applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { couponService, createCoupon, usageOf } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

/** One Jacket and shipping in the USD region (see store-cart-coupons.spec.ts): 121, or 110 with 10% off. */
const USD_BASE_TOTAL = 121

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const complete = (cartId: string) => api.post(`/store/carts/${cartId}/complete`, {}, store.storeHeaders).catch((error) => error.response)

  describe("POST /store/carts/:id/complete of a cart that already became an order", () => {
    it("should answer 200 with the same order to simultaneous and later retries, counting the code once", async () => {
      const { coupon } = await createCoupon(getContainer(), {
        code: "ONCE-RETRY",
        usage_limit_per_customer: 1,
        code_usage_limit: 1,
      })
      const cartId = await createCart(api, store, { email: "retry@example.com" })
      expect((await applyCode(api, store, cartId, "ONCE-RETRY")).status).toBe(200)
      await addPaymentSession(api, store, cartId)

      const simultaneous = await Promise.all(Array.from({ length: 5 }, () => complete(cartId)))
      const outcomes = simultaneous.map(({ status, data }) => ({ status, type: data?.type, order_id: data?.order?.id, code: data?.code }))
      const orderId = outcomes.find((outcome) => outcome.order_id)?.order_id
      expect(orderId).toMatch(/^order_/)
      expect(outcomes).toEqual(Array.from({ length: 5 }, () => ({ status: 200, type: "order", order_id: orderId, code: undefined })))

      const retry = await complete(cartId)
      expect({ status: retry.status, type: retry.data.type, order_id: retry.data.order?.id }).toEqual({
        status: 200,
        type: "order",
        order_id: orderId,
      })
      expect(retry.data.order.discount_total).toBeGreaterThan(0)

      const usage = await usageOf(getContainer(), coupon.id)
      expect(usage.redemptions).toHaveLength(1)
      expect(usage.coupon_usage).toBe(1)
      expect(usage.code_usage).toEqual({ "ONCE-RETRY": 1 })
      // one count under each key of the shopper (email, and the customer Medusa linked)
      expect(Object.values(usage.customer_usage).length).toBeGreaterThan(0)
      expect(Object.values(usage.customer_usage).every((count) => count === 1)).toBe(true)
    })
  })

  describe("a code that dies while carts hold it", () => {
    const CART_FIELDS = "+coupon_codes.code,+promotions.code,+discount_total,+total"

    /** Two carts holding the code with its discount. */
    const twoCartsWith = async (code: string) => {
      const cartIds = [await createCart(api, store, { email: "a@example.com" }), await createCart(api, store, { email: "b@example.com" })]
      for (const cartId of cartIds) {
        expect((await applyCode(api, store, cartId, code)).status).toBe(200)
        expect((await getCart(api, store, cartId, CART_FIELDS)).total).toBe(110)
      }
      return cartIds
    }

    /** The cart shows neither the code nor its discount, and checks out at full price without a ledger row. */
    const expectReleased = async (cartIds: string[], couponId: string) => {
      for (const cartId of cartIds) {
        const cart = await getCart(api, store, cartId, CART_FIELDS)
        expect({ codes: cart.coupon_codes, promotions: cart.promotions, discount: cart.discount_total, total: cart.total }).toEqual({
          codes: [],
          promotions: [],
          discount: 0,
          total: USD_BASE_TOTAL,
        })
      }
      const completed = await completeCart(api, store, cartIds[0])
      expect({ status: completed.status, type: completed.data.type }).toEqual({ status: 200, type: "order" })
      expect(completed.data.order.discount_total).toBe(0)
      expect(completed.data.order.total).toBe(USD_BASE_TOTAL)
      expect(await couponService(getContainer()).listCouponRedemptions({ coupon_id: couponId }, { withDeleted: true })).toHaveLength(0)
    }

    it("DELETE /admin/coupons/:id should take the code and its discount off every open cart", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "GONE-COUPON" })
      const cartIds = await twoCartsWith("GONE-COUPON")

      expect((await api.delete(`/admin/coupons/${coupon.id}`, store.adminHeaders)).status).toBe(200)

      await expectReleased(cartIds, coupon.id)
    })

    it("DELETE /admin/coupons/:id/codes/:code_id should take that code and its discount off every open cart", async () => {
      const { coupon, code } = await createCoupon(getContainer(), { code: "GONE-CODE" })
      const cartIds = await twoCartsWith("GONE-CODE")

      expect((await api.delete(`/admin/coupons/${coupon.id}/codes/${code.id}`, store.adminHeaders)).status).toBe(200)

      await expectReleased(cartIds, coupon.id)
    })

    it("POST /admin/coupons/:id/codes/:code_id with status disabled should take that code off every open cart", async () => {
      const { coupon, code } = await createCoupon(getContainer(), { code: "OFF-CODE" })
      const cartIds = await twoCartsWith("OFF-CODE")

      const disabled = await api.post(`/admin/coupons/${coupon.id}/codes/${code.id}`, { status: "disabled" }, store.adminHeaders)
      expect(disabled.status).toBe(200)

      await expectReleased(cartIds, coupon.id)
    })

    it("POST /admin/coupons/:id with status inactive should take its codes off every open cart", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "PAUSED" })
      const cartIds = await twoCartsWith("PAUSED")

      expect((await api.post(`/admin/coupons/${coupon.id}`, { status: "inactive" }, store.adminHeaders)).status).toBe(200)

      await expectReleased(cartIds, coupon.id)
    })

    it("DELETE /store/carts/:id/coupons/:code should answer 200 for the typed text of a code deleted meanwhile", async () => {
      const { coupon, code } = await createCoupon(getContainer(), { code: "TYPED-GONE" })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "typed-gone")).status).toBe(200)
      expect((await api.delete(`/admin/coupons/${coupon.id}/codes/${code.id}`, store.adminHeaders)).status).toBe(200)

      const removed = await api.delete(`/store/carts/${cartId}/coupons/typed-gone`, store.storeHeaders).catch((error) => error.response)

      expect(removed.status).toBe(200)
      expect(removed.data.cart.total).toBe(USD_BASE_TOTAL)
      expect(removed.data.cart.coupon_codes).toEqual([])
      // a live code that was never on the cart still answers 404
      await createCoupon(getContainer(), { code: "NEVER-APPLIED" })
      const notApplied = await api
        .delete(`/store/carts/${cartId}/coupons/NEVER-APPLIED`, store.storeHeaders)
        .catch((error) => error.response)
      expect(notApplied.status).toBe(404)
    })
  })
})
