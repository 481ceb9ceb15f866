import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findBackingPromotions } from "../utils/backing-promotion"

export type FindBackingPromotionStepInput = { coupon_id: string }

export const findBackingPromotionStepId = "find-coupon-backing-promotion"

export const findBackingPromotionStep = createStep(
  findBackingPromotionStepId,
  async ({ coupon_id }: FindBackingPromotionStepInput, { container }) => {
    const [promotion] = await findBackingPromotions(container, [coupon_id])
    if (!promotion) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Coupon ${coupon_id} has no backing promotion`
      )
    }
    return new StepResponse(promotion)
  }
)
