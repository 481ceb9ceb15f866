import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"

export type RevertRedemptionsStepInput = { order_id: string }

export const revertRedemptionsStepId = "revert-coupon-redemptions"

/** Idempotent: rows already reverted are not touched again. */
export const revertRedemptionsStep = createStep(
  revertRedemptionsStepId,
  async ({ order_id }: RevertRedemptionsStepInput, { container }) => {
    const reverted = await container.resolve<CouponModuleService>(COUPON_MODULE).revertRedemptions({ order_id })
    return new StepResponse(reverted)
  }
)
