import { AsyncLocalStorage } from "node:async_hooks"
import type { MedusaContainer } from "@medusajs/framework/types"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"

/** Who is logged in on the request that runs a workflow: a customer's id, or null for a guest. */
export type RequestShopper = { customer_id: string | null }

const shoppers = new AsyncLocalStorage<RequestShopper>()

/**
 * Medusa's complete route starts completeCartWorkflow with the cart id only,
 * so its hooks cannot see who sent the request. The route's middleware runs
 * the rest of the request inside this store (see rememberShopper), and the
 * hooks, which run in that request's async chain, read it back.
 */
export const runAsShopper = <T>(shopper: RequestShopper, fn: () => T): T => shoppers.run(shopper, fn)

/**
 * The customer the coupon checks of a completion trust. In a shopper's
 * request: the customer logged in on it (null for a guest). Outside one (a
 * payment provider's webhook completes the cart, or a merchant's own code):
 * the cart's customer, but only if that customer was logged in on a store
 * request that touched the cart (see CouponCartShopper); a customer Medusa
 * linked to the cart from a typed email is never trusted.
 */
export const trustedCustomerIdOfCart = async (
  container: MedusaContainer,
  cart: { id: string; customer_id?: string | null }
): Promise<string | null> => {
  const shopper = shoppers.getStore()
  if (shopper) {
    return shopper.customer_id
  }
  if (!cart.customer_id) {
    return null
  }
  const service = container.resolve<CouponModuleService>(COUPON_MODULE)
  return (await service.wasCartShopper(cart.id, cart.customer_id)) ? cart.customer_id : null
}
