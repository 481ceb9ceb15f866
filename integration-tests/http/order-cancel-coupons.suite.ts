import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { httpSuite } from "./fixtures/http-suite"
import { revertCouponRedemptionsWorkflow } from "../../src/workflows/revert-coupon-redemptions"
import { applyCode, completeCart, createCart } from "./fixtures/checkout"
import { couponService, createCoupon, usageOf, validateCode } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

/*
 * A failure injected after the codes were redeemed: completeCartWorkflow's
 * orderCreated hook runs after beforePaymentAuthorization (where the plugin
 * redeems) and after payment authorization. The handler stays registered for
 * the process and the hook takes only one handler, so it fails only the
 * carts of one email.
 */
const EXPLODING_EMAIL = "explode-after-redeem@example.com"
const orderCreated = (
  completeCartWorkflow.hooks as unknown as {
    orderCreated: (handler: (input: { order_id: string; cart_id: string }, context: { container: any }) => Promise<unknown>) => void
  }
).orderCreated
orderCreated(async ({ order_id }, { container }) => {
  const query = container.resolve("query")
  const { data } = await query.graph({ entity: "order", fields: ["email"], filters: { id: order_id } })
  if (data[0]?.email === EXPLODING_EMAIL) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Injected failure after redemption")
  }
  return new StepResponse(undefined)
})

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const placeOrder = async (email: string, code: string) => {
    const cartId = await createCart(api, store, { email })
    expect((await applyCode(api, store, cartId, code)).status).toBe(200)
    const response = await completeCart(api, store, cartId)
    expect(response.data.type).toBe("order")
    return response.data.order as { id: string; discount_total: number }
  }

  const cancelOrder = (orderId: string) =>
    api.post(`/admin/orders/${orderId}/cancel`, {}, store.adminHeaders).catch((error) => error.response)

  /**
   * The order.canceled subscriber runs after the response: poll the ledger
   * for a few seconds, then read the counters once the revert has committed
   * (one read could see the counters before and the ledger after it).
   */
  const waitForRedemptionStatus = async (couponId: string, orderId: string, status: string) => {
    const deadline = Date.now() + 10_000
    for (;;) {
      const [row] = await couponService(getContainer()).listCouponRedemptions({ order_id: orderId })
      if (row?.status === status || Date.now() > deadline) {
        return await usageOf(getContainer(), couponId)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  describe("POST /admin/orders/:id/cancel", () => {
    it("should give the code, coupon and customer usage back and mark the redemption reverted", async () => {
      const { coupon } = await createCoupon(getContainer(), {
        code: "CANCEL-ME",
        usage_limit: 5,
        usage_limit_per_customer: 1,
      })
      const order = await placeOrder("canceler@example.com", "CANCEL-ME")
      expect(order.discount_total).toBe(11)
      const before = await usageOf(getContainer(), coupon.id)
      expect(before.coupon_usage).toBe(1)
      expect(before.code_usage).toEqual({ "CANCEL-ME": 1 })
      expect(before.customer_usage["email:canceler@example.com"]).toBe(1)

      const response = await cancelOrder(order.id)

      expect(response.status).toBe(200)
      const after = await waitForRedemptionStatus(coupon.id, order.id, "reverted")
      expect(after.redemptions).toEqual([
        expect.objectContaining({ order_id: order.id, status: "reverted", reverted_at: expect.anything() }),
      ])
      expect(after.coupon_usage).toBe(0)
      expect(after.code_usage).toEqual({ "CANCEL-ME": 0 })
      expect(after.customer_usage["email:canceler@example.com"]).toBe(0)
      // the shopper may use the code again
      const cartId = await createCart(api, store, { email: "canceler@example.com" })
      expect((await validateCode(api, store, { code: "CANCEL-ME", cart_id: cartId })).data.valid).toBe(true)
    })

    it("should change nothing on a second cancel or a second revert", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "TWO-ORDERS" })
      const canceled = await placeOrder("first@example.com", "TWO-ORDERS")
      // a second order keeps the counts above zero, so a double revert would show
      const kept = await placeOrder("second@example.com", "TWO-ORDERS")
      expect((await cancelOrder(canceled.id)).status).toBe(200)
      const once = await waitForRedemptionStatus(coupon.id, canceled.id, "reverted")
      expect(once.coupon_usage).toBe(1)
      expect(once.code_usage).toEqual({ "TWO-ORDERS": 1 })

      const again = await cancelOrder(canceled.id)
      expect(again.status).toBeLessThan(500)
      const { result } = await revertCouponRedemptionsWorkflow(getContainer()).run({
        input: { order_id: canceled.id },
      })
      expect(result).toEqual([])

      // give a late subscriber run the same chance to act as the first one had
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      const twice = await usageOf(getContainer(), coupon.id)
      expect(twice.coupon_usage).toBe(1)
      expect(twice.code_usage).toEqual({ "TWO-ORDERS": 1 })
      expect(twice.customer_usage["email:first@example.com"]).toBe(0)
      expect(twice.customer_usage["email:second@example.com"]).toBe(1)
      expect(twice.redemptions.map((redemption) => [redemption.order_id, redemption.status]).sort()).toEqual(
        [
          [canceled.id, "reverted"],
          [kept.id, "redeemed"],
        ].sort()
      )
    })
  })

  describe("POST /store/carts/:id/complete", () => {
    it("should undo the redemption when a step after it fails", async () => {
      const { coupon } = await createCoupon(getContainer(), {
        code: "ROLLBACK",
        usage_limit: 1,
        code_usage_limit: 1,
        usage_limit_per_customer: 1,
      })
      const cartId = await createCart(api, store, { email: EXPLODING_EMAIL })
      expect((await applyCode(api, store, cartId, "ROLLBACK")).status).toBe(200)

      const response = await completeCart(api, store, cartId)

      expect(response.status).toBe(400)
      expect(response.data.message).toBe("Injected failure after redemption")
      const usage = await usageOf(getContainer(), coupon.id)
      expect(usage.redemptions).toEqual([])
      expect(usage.coupon_usage).toBe(0)
      expect(usage.code_usage).toEqual({ ROLLBACK: 0 })
      // the per-customer row exists at 0: the code was counted, then given back
      expect(usage.customer_usage[`email:${EXPLODING_EMAIL}`]).toBe(0)
      const { data } = await api.get(`/store/carts/${cartId}?fields=id,completed_at`, store.storeHeaders)
      expect(data.cart.completed_at).toBeNull()
      expect((await api.get("/admin/orders?fields=id", store.adminHeaders)).data.count).toBe(0)

      // the single use is still there for the next shopper
      const order = await placeOrder("next@example.com", "ROLLBACK")
      expect(order.discount_total).toBe(11)
      expect((await usageOf(getContainer(), coupon.id)).coupon_usage).toBe(1)
    })
  })
})
