import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"

export type UpdateCouponStepInput = Record<string, unknown> & { id: string }

export const updateCouponStepId = "update-coupon"

/**
 * JSON fields an update replaces whole: Medusa's update merges objects into
 * the stored ones (right for metadata), which would keep a currency taken out
 * of amounts, or a product taken out of targets.
 */
const REPLACED_JSON_FIELDS = [
  "amounts",
  "max_discount_amounts",
  "min_subtotals",
  "budget_limits",
  "targets",
  "excluded_targets",
  "buy_targets",
] as const

/** The update, with each replaced JSON field first cleared (when it is given as an object). */
const replacingJson = (input: UpdateCouponStepInput): UpdateCouponStepInput | null => {
  const cleared = REPLACED_JSON_FIELDS.filter((field) => input[field] !== null && typeof input[field] === "object")
  return cleared.length ? { id: input.id, ...Object.fromEntries(cleared.map((field) => [field, null])) } : null
}

/** Compensation writes back the fields this step changed. */
export const updateCouponStep = createStep(
  updateCouponStepId,
  async (input: UpdateCouponStepInput, { container }) => {
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const before = await service.retrieveCoupon(input.id)
    const previous = Object.fromEntries(Object.keys(input).map((key) => [key, (before as Record<string, unknown>)[key]]))
    const clear = replacingJson(input)
    if (clear) {
      await service.updateCoupons(clear as never)
    }
    const updated = await service.updateCoupons(input as never)
    return new StepResponse(updated, { ...previous, id: input.id })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const clear = replacingJson(previous as UpdateCouponStepInput)
    if (clear) {
      await service.updateCoupons(clear as never)
    }
    await service.updateCoupons(previous as never)
  }
)
