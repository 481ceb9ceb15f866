import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"

export const softDeleteCouponCodeStepId = "soft-delete-coupon-code"

/** Soft delete frees the code's text; compensation restores it. */
export const softDeleteCouponCodeStep = createStep(
  softDeleteCouponCodeStepId,
  async ({ id }: { id: string }, { container }) => {
    await container.resolve<CouponModuleService>(COUPON_MODULE).softDeleteCouponCodes([id])
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<CouponModuleService>(COUPON_MODULE).restoreCouponCodes([id])
  }
)
