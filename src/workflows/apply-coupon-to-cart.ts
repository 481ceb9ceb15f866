import { Modules, PromotionActions } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createRemoteLinkStep,
  emitEventStep,
  refreshPaymentCollectionForCartWorkflow,
  releaseLockStep,
  updateCartPromotionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { COUPON_MODULE } from "../modules/coupon"
import { CouponEvents } from "./events"
import { assertPromotionAppliedStep } from "./steps/assert-promotion-applied"
import { capCouponDiscountsStep } from "./steps/cap-coupon-discounts"
import { findBackingPromotionStep } from "./steps/find-backing-promotion"
import { reserveCouponCodeStep } from "./steps/reserve-coupon-code"
import { touchCartStep } from "./steps/touch-cart"
import { COUPON_APPLY_MARK } from "./utils/apply-mark"
import { validateCouponWorkflow } from "./validate-coupon"

export type ApplyCouponToCartWorkflowInput = {
  cart_id: string
  code: string
  customer_id?: string | null
}

export const applyCouponToCartWorkflowId = "apply-coupon-to-cart"

/**
 * Validates the code for the cart, links it to the cart and adds the backing
 * promotion through Medusa's own promotion workflow, under the cart lock;
 * any failure unlinks it again.
 */
export const applyCouponToCartWorkflow = createWorkflow(applyCouponToCartWorkflowId, (input: ApplyCouponToCartWorkflowInput) => {
  acquireLockStep({ key: input.cart_id, timeout: 2, ttl: 10 })

  const checkInput = transform({ input }, ({ input }) => ({
    code: input.code,
    cart_id: input.cart_id,
    customer_id: input.customer_id ?? null,
    phase: "apply" as const,
  }))
  const coupon = validateCouponWorkflow.runAsStep({ input: checkInput })
  reserveCouponCodeStep(
    transform({ input, coupon }, ({ input, coupon }) => ({
      cart_id: input.cart_id,
      code_id: coupon.code_id,
      code: coupon.code,
      reservable: coupon.reservable,
    }))
  )
  const promotion = findBackingPromotionStep(
    transform({ coupon }, ({ coupon }) => ({ coupon_id: coupon.coupon_id, pair_currency: coupon.pair_currency }))
  )

  const link = transform({ input, coupon }, ({ input, coupon }) => [
    { [Modules.CART]: { cart_id: input.cart_id }, [COUPON_MODULE]: { coupon_code_id: coupon.code_id } },
  ])
  createRemoteLinkStep(link)

  const promotionInput = transform({ input, promotion }, ({ input, promotion }) => ({
    cart_id: input.cart_id,
    // both of the pair (the backing one or the cart's currency's): Medusa's engine keeps the one whose tax rule fits the cart's prices
    promo_codes: promotion.codes,
    action: PromotionActions.ADD,
    force_refresh_payment_collection: true,
    [COUPON_APPLY_MARK]: true,
  }))
  const updated = updateCartPromotionsWorkflow.runAsStep({ input: promotionInput })
  assertPromotionAppliedStep({
    promotion_codes: promotion.codes,
    skipped_promo_codes: transform({ updated }, ({ updated }) => (updated?.skipped_promo_codes ?? []).map((skipped) => skipped.code)),
  })
  // the engine's amounts are uncapped: cap them, then size the payment collection on the capped total
  const capped = capCouponDiscountsStep({ cart_id: input.cart_id })
  when("refresh-payment-after-cap", { capped }, ({ capped }) => capped.changed).then(() => {
    refreshPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: input.cart_id } })
  })

  // the cart's discounts changed: so does its updated_at (storefronts keep the newest cart)
  touchCartStep({ cart_id: input.cart_id })

  const event = transform({ input, coupon }, ({ input, coupon }) => ({
    cart_id: input.cart_id,
    code: coupon.code,
    code_id: coupon.code_id,
    coupon_id: coupon.coupon_id,
  }))
  emitEventStep({ eventName: CouponEvents.APPLIED, data: event })

  releaseLockStep({ key: input.cart_id })
  return new WorkflowResponse(coupon)
})
