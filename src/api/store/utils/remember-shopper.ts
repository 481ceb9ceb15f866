import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { COUPON_MODULE } from "../../../modules/coupon"
import type CouponModuleService from "../../../modules/coupon/service"
import { runAsShopper } from "../../../workflows/utils/request-shopper"

/** The customer logged in on a request (a token or session of a customer actor), or null. */
export const authenticatedCustomerId = (req: AuthenticatedMedusaRequest): string | null =>
  req.auth_context?.actor_type === "customer" && req.auth_context.actor_id ? req.auth_context.actor_id : null

/**
 * For `POST /store/carts/:id/complete`: the coupon hooks of completeCartWorkflow
 * judge customer conditions by the customer logged in on this request, never
 * by a customer Medusa linked to the cart from a typed email.
 */
export const rememberShopper = (req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) =>
  runAsShopper({ customer_id: authenticatedCustomerId(req) }, () => next())

/**
 * On the store routes that touch a cart's coupons or hand the cart to a
 * customer: a logged-in customer is remembered for the cart, so a completion
 * that runs outside any shopper's request (a payment webhook) can still trust
 * them, and only them (see trustedCustomerIdOfCart).
 */
export const rememberCartShopper = async (req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
  try {
    const customerId = authenticatedCustomerId(req)
    if (customerId && req.params.id) {
      await req.scope.resolve<CouponModuleService>(COUPON_MODULE).rememberCartShopper(req.params.id, customerId)
    }
    next()
  } catch (error) {
    next(error)
  }
}
