import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findAllCouponPromotions } from "../utils/backing-promotion"

export type FindAllCouponPromotionsStepInput = { backing_code: string }

export const findAllCouponPromotionsStepId = "find-all-coupon-promotions"

/** The ids of every promotion of a coupon: its backing one, its twin and its currency pairs. */
export const findAllCouponPromotionsStep = createStep(
  findAllCouponPromotionsStepId,
  async ({ backing_code }: FindAllCouponPromotionsStepInput, { container }) =>
    new StepResponse((await findAllCouponPromotions(container, [backing_code])).map((promotion) => promotion.id))
)
