import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"

export type UpdateCouponCodeStepInput = {
  id: string
  status?: "active" | "disabled"
  usage_limit?: number | null
  expires_at?: Date | null
}

export const updateCouponCodeStepId = "update-coupon-code"

/** Compensation writes back the fields this step changed. */
export const updateCouponCodeStep = createStep(
  updateCouponCodeStepId,
  async (input: UpdateCouponCodeStepInput, { container }) => {
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const before = (await service.retrieveCouponCode(input.id)) as unknown as Record<string, unknown>
    const previous = Object.fromEntries(Object.keys(input).map((key) => [key, before[key]]))
    const updated = await service.updateCouponCodes(input as never)
    return new StepResponse(updated, { ...previous, id: input.id })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<CouponModuleService>(COUPON_MODULE).updateCouponCodes(previous as never)
  }
)
