import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planCouponDiscounts, writeAdjustmentAmounts, type AdjustmentAmount } from "../utils/cap-coupon-discounts"

export type CapCouponDiscountsStepInput = { cart_id: string }

export const capCouponDiscountsStepId = "cap-coupon-discounts"

/** Scales capped coupons' adjustments down to `max_discount_amount`; the compensation puts the amounts back. */
export const capCouponDiscountsStep = createStep(
  capCouponDiscountsStepId,
  async ({ cart_id }: CapCouponDiscountsStepInput, { container }) => {
    const plan = await planCouponDiscounts(container, cart_id)
    await writeAdjustmentAmounts(container, plan.capped)
    return new StepResponse({ changed: plan.capped.length > 0 }, plan.previous)
  },
  async (previous: AdjustmentAmount[] | undefined, { container }) => {
    await writeAdjustmentAmounts(container, previous ?? [])
  }
)
