import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
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
