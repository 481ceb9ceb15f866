import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CouponError } from "../../modules/coupon/errors/coupon-error"

export type AssertPromotionAppliedStepInput = {
  promotion_code: string
  skipped_promo_codes?: string[]
}

export const assertPromotionAppliedStepId = "assert-coupon-promotion-applied"

/** The promotion engine skips a code it will not apply; the shopper must hear about it. */
export const assertPromotionAppliedStep = createStep(
  assertPromotionAppliedStepId,
  async ({ promotion_code, skipped_promo_codes }: AssertPromotionAppliedStepInput) => {
    if (skipped_promo_codes?.includes(promotion_code)) {
      throw new CouponError("usage_limit_reached", "This code has reached its usage limit.")
    }
    return new StepResponse(void 0)
  }
)
