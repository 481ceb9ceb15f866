import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { addPaymentSession, applyCode, createCart } from "./fixtures/checkout"
import { createCoupon, usageOf } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture

    beforeEach(async () => {
      store = await createStoreFixture(getContainer())
    })

    const complete = (cartId: string) =>
      api.post(`/store/carts/${cartId}/complete`, {}, store.storeHeaders).catch((error) => error.response)

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
  },
})
