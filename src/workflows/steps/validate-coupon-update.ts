import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"

export type ValidateCouponUpdateStepInput = Record<string, unknown> & { id: string }

export const validateCouponUpdateStepId = "validate-coupon-update"

/** Rules that need the stored coupon: every problem is listed in one 400. */
export const validateCouponUpdateStep = createStep(
  validateCouponUpdateStepId,
  async (input: ValidateCouponUpdateStepInput, { container }) => {
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const [current] = await service.listCoupons({ id: input.id })
    if (!current) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Coupon with id: ${input.id} was not found`)
    }
    const merged = { ...current, ...input } as Record<string, any>
    const problems: string[] = []
    if (typeof input.usage_limit === "number" && input.usage_limit < current.usage_count) {
      problems.push(`usage_limit: cannot be below the current usage (${current.usage_count})`)
    }
    if (merged.discount_type === "fixed" && !merged.currency_code) {
      problems.push("currency_code: is required for a fixed discount")
    }
    if (merged.discount_type === "percentage" && (Number(merged.discount_value) <= 0 || Number(merged.discount_value) > 100)) {
      problems.push("discount_value: a percentage must be above 0 and at most 100")
    }
    if (merged.starts_at && merged.ends_at && new Date(merged.ends_at) <= new Date(merged.starts_at)) {
      problems.push("ends_at: must be after starts_at")
    }
    if (input.discount_type !== undefined && (input.discount_type === "buy_get") !== (current.discount_type === "buy_get")) {
      // the backing promotion's type (buyget or standard) is fixed once created
      problems.push("discount_type: cannot change to or from buy_get; duplicate the coupon and change the copy instead")
    }
    if (merged.discount_type === "buy_get") {
      if (!merged.buy_quantity || !merged.get_quantity) {
        problems.push("buy_quantity, get_quantity: are required for buy X get Y")
      }
      const buyKinds = Object.values((merged.buy_targets ?? {}) as Record<string, string[]>).filter((ids) => ids?.length)
      if (!buyKinds.length) {
        problems.push("buy_targets: must name the lines to buy for buy X get Y")
      }
    }
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
    }
    return new StepResponse(current)
  }
)
