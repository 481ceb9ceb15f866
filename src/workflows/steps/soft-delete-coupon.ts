import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"

export const softDeleteCouponStepId = "soft-delete-coupon"

/** Soft delete: the ledger keeps pointing at the coupon and its codes; their texts become free. */
export const softDeleteCouponStep = createStep(
  softDeleteCouponStepId,
  async ({ id }: { id: string }, { container }) => {
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    await service.retrieveCoupon(id)
    await service.softDeleteCoupons([id])
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<CouponModuleService>(COUPON_MODULE).restoreCoupons([id])
  }
)
