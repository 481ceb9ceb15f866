import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CouponError } from "../../modules/coupon/errors/coupon-error"

export type AssertPromotionAppliedStepInput = {
  /** the coupon's promotion codes (backing and twin): the engine applies the one that fits the cart */
  promotion_codes: string[]
  skipped_promo_codes?: string[]
}

export const assertPromotionAppliedStepId = "assert-coupon-promotion-applied"

/** The promotion engine skips a code it will not apply; the shopper must hear about it. */
export const assertPromotionAppliedStep = createStep(
  assertPromotionAppliedStepId,
  async ({ promotion_codes, skipped_promo_codes }: AssertPromotionAppliedStepInput) => {
    if (promotion_codes.some((code) => skipped_promo_codes?.includes(code))) {
      throw new CouponError("usage_limit_reached", "This code has reached its usage limit.")
    }
    return new StepResponse(void 0)
  }
)
