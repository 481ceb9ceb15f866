import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refreshCartItemsWorkflow } from "@medusajs/medusa/core-flows"
import { cartHasStaleCouponDiscounts } from "../../../workflows/utils/stale-coupon-discounts"

/**
 * For `POST /store/carts/:id/complete`: Medusa builds the order from the
 * cart's adjustments as they are, so a discount computed before its coupon's
 * last edit (the edit found the cart locked) is recomputed first: the order
 * charges the coupon as it is now (a code the edit ended is then refused by
 * completion's own judgment, with its reason). When the total changes, Medusa
 * resizes the payment collection and drops its sessions, and completion asks
 * for a new payment session at the new total instead of charging the old one.
 */
export const refreshStaleCouponDiscounts = async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
  try {
    const cartId = req.params.id
    if (await cartHasStaleCouponDiscounts(req.scope, cartId)) {
      await refreshCartItemsWorkflow(req.scope).run({ input: { cart_id: cartId } })
    }
    next()
  } catch (error) {
    next(error)
  }
}
