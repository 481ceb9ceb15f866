import { Modules, PromotionActions } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  dismissRemoteLinkStep,
  emitEventStep,
  releaseLockStep,
  updateCartPromotionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { COUPON_MODULE } from "../modules/coupon"
import { CouponEvents } from "./events"
import { findAppliedCartCodeStep } from "./steps/find-applied-cart-code"
import { releaseCodeReservationStep } from "./steps/release-code-reservation"
import { touchCartStep } from "./steps/touch-cart"

export type RemoveCouponFromCartWorkflowInput = {
  cart_id: string
  /** the code as the shopper typed it or the cart shows it */
  code?: string
  /** or the id of a code on the cart (the plugin releasing a code that was deleted or disabled) */
  code_id?: string
  /** set when the plugin drops a code that stopped applying (the shopper did not remove it) */
  reason?: string
  message?: string
}

export const removeCouponFromCartWorkflowId = "remove-coupon-from-cart"

export const removeCouponFromCartWorkflow = createWorkflow(removeCouponFromCartWorkflowId, (input: RemoveCouponFromCartWorkflowInput) => {
  acquireLockStep({ key: input.cart_id, timeout: 2, ttl: 10 })

  const applied = findAppliedCartCodeStep(input)

  // another code of the same coupon keeps the discount on the cart
  when("remove-backing-promotion", { applied }, ({ applied }) => !applied.coupon_still_used && applied.promotion_codes.length > 0).then(
    () => {
      const promotionInput = transform({ input, applied }, ({ input, applied }) => ({
        cart_id: input.cart_id,
        promo_codes: applied.promotion_codes,
        action: PromotionActions.REMOVE,
        force_refresh_payment_collection: true,
      }))
      updateCartPromotionsWorkflow.runAsStep({ input: promotionInput })
    }
  )

  // a dead code already released: nothing is on the cart, the removal is a no-op
  when("unlink-code", { applied }, ({ applied }) => !!applied.code_id).then(() => {
    // the discount goes first: a cart never shows no code while it still carries the code's discount
    const link = transform({ input, applied }, ({ input, applied }) => [
      { [Modules.CART]: { cart_id: input.cart_id }, [COUPON_MODULE]: { coupon_code_id: applied.code_id } },
    ])
    dismissRemoteLinkStep(link)
    releaseCodeReservationStep(
      transform({ input, applied }, ({ input, applied }) => ({ cart_id: input.cart_id, code_id: applied.code_id as string }))
    )
    // the cart's codes changed: so does its updated_at (storefronts keep the newest cart)
    touchCartStep({ cart_id: input.cart_id })

    const event = transform({ input, applied }, ({ input, applied }) => ({
      cart_id: input.cart_id,
      code: applied.code,
      code_id: applied.code_id,
      coupon_id: applied.coupon_id,
      ...(input.reason ? { reason: input.reason, message: input.message } : {}),
    }))
    emitEventStep({ eventName: CouponEvents.REMOVED, data: event })
  })

  releaseLockStep({ key: input.cart_id })
  return new WorkflowResponse(applied)
})
