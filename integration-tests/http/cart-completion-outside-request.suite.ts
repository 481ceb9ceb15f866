import { Modules } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { httpSuite } from "./fixtures/http-suite"
import { createCouponViaApi } from "./fixtures/admin"
import { addPaymentSession, applyCode, createCart, getCart } from "./fixtures/checkout"
import { usageOf } from "./fixtures/coupons"
import { logIn } from "./fixtures/customers"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

/**
 * A payment provider's webhook completes a cart through completeCartWorkflow
 * with no shopper request around it (Medusa's processPaymentWorkflow). The
 * tests run the workflow the same way: from the container, outside any route.
 */
export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const completeOutsideRequest = async (cartId: string) => {
    const { result, errors } = await completeCartWorkflow(getContainer()).run({
      input: { id: cartId },
      throwOnError: false,
    })
    return { orderId: (result as { id?: string } | undefined)?.id ?? null, error: errors[0]?.error?.message ?? null }
  }

  const orderDiscount = async (orderId: string) => {
    const order = await getContainer()
      .resolve(Modules.ORDER)
      .retrieveOrder(orderId, { select: ["id", "discount_total"] })
    return Number(order.discount_total)
  }

  const vipGroupWith = async (customerId: string) => {
    const customers = getContainer().resolve(Modules.CUSTOMER)
    const [vip] = await customers.createCustomerGroups([{ name: "VIP" }])
    await customers.addCustomerToGroup({ customer_id: customerId, customer_group_id: vip.id })
    return vip.id
  }

  describe("completeCartWorkflow run outside a store request (a payment webhook)", () => {
    it("should complete a member's cart whose group-only code the member applied while logged in", async () => {
      const member = await logIn(api, store, "webhook-vip@example.com")
      const groupId = await vipGroupWith(member.customerId)
      const coupon = await createCouponViaApi(api, store, {
        code: "VIP-HOOK",
        customer_group_ids: [groupId],
        usage_limit_per_customer: 1,
      })
      const auth = { authorization: member.authorization }
      const cartId = await createCart(api, store, { email: "webhook-vip@example.com", headers: auth })
      expect((await applyCode(api, store, cartId, "VIP-HOOK", auth)).status).toBe(200)
      await addPaymentSession(api, store, cartId, auth)

      const { orderId, error } = await completeOutsideRequest(cartId)
      expect(error).toBeNull()
      expect(await orderDiscount(orderId!)).toBeGreaterThan(0)
      const [redemption] = (await usageOf(getContainer(), coupon.id)).redemptions
      // the member's own key is counted, so another email on their account cannot redeem again
      expect(redemption.customer_keys).toEqual(expect.arrayContaining([`customer:${member.customerId}`]))
    })

    it("should not trust a member Medusa linked to a guest's cart by the typed email", async () => {
      const member = await logIn(api, store, "webhook-linked@example.com")
      const groupId = await vipGroupWith(member.customerId)
      // the guest applies while the code is open to everyone...
      const coupon = await createCouponViaApi(api, store, { code: "GROUP-LATER" })
      const guestCart = await createCart(api, store, { email: "webhook-linked@example.com" })
      expect(((await getCart(api, store, guestCart, "+customer_id")) as { customer_id: string }).customer_id).toBe(member.customerId)
      expect((await applyCode(api, store, guestCart, "GROUP-LATER")).status).toBe(200)
      await addPaymentSession(api, store, guestCart)
      // ...then the coupon becomes the VIP group's only; the webhook completes the guest's cart
      await api.post(`/admin/coupons/${coupon.id}`, { customer_group_ids: [groupId] }, store.adminHeaders)

      const { orderId, error } = await completeOutsideRequest(guestCart)
      expect(orderId).toBeNull()
      expect(error).toMatch(/selected customers only/)
      expect((await usageOf(getContainer(), coupon.id)).redemptions).toHaveLength(0)
    })

    it("should refuse a discount computed before its coupon's last edit instead of charging the old value", async () => {
      const coupon = await createCouponViaApi(api, store, { code: "EDIT-HOOK", discount_type: "percentage", discount_value: 90 })
      const cartId = await createCart(api, store, { email: "webhook-edit@example.com" })
      expect((await applyCode(api, store, cartId, "EDIT-HOOK")).status).toBe(200)
      await addPaymentSession(api, store, cartId)

      // the cart is locked (its own completion runs elsewhere) while the admin lowers the discount:
      // the edit cannot reach it now
      const locking = getContainer().resolve(Modules.LOCKING)
      await locking.acquire(cartId, { expire: 30 })
      try {
        await api.post(`/admin/coupons/${coupon.id}`, { discount_value: 10 }, store.adminHeaders)
      } finally {
        await locking.release(cartId)
      }
      const cart = (await getCart(api, store, cartId, "+discount_total")) as { discount_total: number }
      expect(cart.discount_total).toBeGreaterThan(0)

      const { orderId, error } = await completeOutsideRequest(cartId)
      expect(orderId).toBeNull()
      expect(error).toMatch(/changed after its discount was computed/)
      expect((await usageOf(getContainer(), coupon.id)).redemptions).toHaveLength(0)

      // the shopper's own completion recomputes first and charges the coupon as it is now
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, store.storeHeaders).catch((e) => e.response)
      const payable =
        completed.data.type === "order"
          ? completed
          : await (async () => {
              await addPaymentSession(api, store, cartId)
              return api.post(`/store/carts/${cartId}/complete`, {}, store.storeHeaders).catch((e) => e.response)
            })()
      expect(payable.data.type).toBe("order")
      const [redemption] = (await usageOf(getContainer(), coupon.id)).redemptions
      // tax-exclusive region: the ledger holds the pre-tax discount the order shows (see README)
      expect(Number(redemption.discount_amount)).toBe(Number(payable.data.order.discount_subtotal))
      expect(Number(payable.data.order.discount_total)).toBeLessThan(cart.discount_total)
    })
  })
})
