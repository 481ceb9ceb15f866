import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refreshPaymentCollectionForCartWorkflow } from "@medusajs/medusa/core-flows"
import { planCouponDiscounts, writeAdjustmentAmounts } from "../../../workflows/utils/cap-coupon-discounts"

/**
 * Medusa builds the order from the cart as it is when completion starts, so
 * a capped coupon's adjustments are brought to the cap before that (a native
 * promotion route may have recomputed them uncapped since the last refresh),
 * and the payment collection is sized on the capped total.
 */
export const capDiscountsBeforeCompletion = async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
  // the cart of `POST /store/carts/:id/complete`, or the body's of `POST /store/payment-collections`
  // (the payment session's amount is the collection's, so it must be the capped total from the start)
  const cartId = req.params.id ?? (req.body as { cart_id?: unknown } | undefined)?.cart_id
  if (typeof cartId !== "string" || !/^[\w-]{1,100}$/.test(cartId)) {
    return next()
  }
  try {
    const plan = await planCouponDiscounts(req.scope, cartId)
    if (plan.capped.length) {
      await writeAdjustmentAmounts(req.scope, plan.capped)
      await refreshPaymentCollectionForCartWorkflow(req.scope).run({ input: { cart_id: cartId } })
    }
    next()
  } catch (error) {
    next(error)
  }
}
