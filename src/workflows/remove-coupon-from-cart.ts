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
import { findBackingPromotionStep } from "./steps/find-backing-promotion"

export type RemoveCouponFromCartWorkflowInput = {
  cart_id: string
  code: string
  /** set when the plugin drops a code that stopped applying (the shopper did not remove it) */
  reason?: string
  message?: string
}

export const removeCouponFromCartWorkflowId = "remove-coupon-from-cart"

export const removeCouponFromCartWorkflow = createWorkflow(
  removeCouponFromCartWorkflowId,
  (input: RemoveCouponFromCartWorkflowInput) => {
    acquireLockStep({ key: input.cart_id, timeout: 2, ttl: 10 })

    const applied = findAppliedCartCodeStep(input)
    const promotion = findBackingPromotionStep({ coupon_id: applied.coupon_id })

    // another code of the same coupon keeps the discount on the cart
    when({ applied }, ({ applied }) => !applied.coupon_still_used).then(() => {
      const promotionInput = transform({ input, promotion }, ({ input, promotion }) => ({
        cart_id: input.cart_id,
        promo_codes: [promotion.code],
        action: PromotionActions.REMOVE,
        force_refresh_payment_collection: true,
      }))
      updateCartPromotionsWorkflow.runAsStep({ input: promotionInput })
    })

    // the discount goes first: a cart never shows no code while it still carries the code's discount
    const link = transform({ input, applied }, ({ input, applied }) => [
      { [Modules.CART]: { cart_id: input.cart_id }, [COUPON_MODULE]: { coupon_code_id: applied.code_id } },
    ])
    dismissRemoteLinkStep(link)

    const event = transform({ input, applied }, ({ input, applied }) => ({
      cart_id: input.cart_id,
      code: applied.code,
      code_id: applied.code_id,
      coupon_id: applied.coupon_id,
      ...(input.reason ? { reason: input.reason, message: input.message } : {}),
    }))
    emitEventStep({ eventName: CouponEvents.REMOVED, data: event })

    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse(applied)
  }
)
