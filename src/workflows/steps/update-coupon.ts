import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"

export type UpdateCouponStepInput = Record<string, unknown> & { id: string }

export const updateCouponStepId = "update-coupon"

/** Compensation writes back the fields this step changed. */
export const updateCouponStep = createStep(
  updateCouponStepId,
  async (input: UpdateCouponStepInput, { container }) => {
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const before = await service.retrieveCoupon(input.id)
    const previous = Object.fromEntries(Object.keys(input).map((key) => [key, (before as Record<string, unknown>)[key]]))
    const updated = await service.updateCoupons(input as never)
    return new StepResponse(updated, { ...previous, id: input.id })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<CouponModuleService>(COUPON_MODULE).updateCoupons(previous as never)
  }
)
