import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import {
  couponCrossFieldProblems,
  mergeCouponUpdate,
  withDerivedFields,
  type CouponCrossFieldShape,
} from "../../modules/coupon/schemas/coupon-cross-field-rules"

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
    const problems: string[] = []
    if (typeof input.usage_limit === "number" && input.usage_limit < current.usage_count) {
      problems.push(`usage_limit: cannot be below the current usage (${current.usage_count})`)
    }
    if (input.discount_type !== undefined && (input.discount_type === "buy_get") !== (current.discount_type === "buy_get")) {
      // the backing promotion's type (buyget or standard) is fixed once created
      problems.push("discount_type: cannot change to or from buy_get; duplicate the coupon and change the copy instead")
    }
    // the coupon as it would be after the update, judged as create judges a new one
    const merged = mergeCouponUpdate(current, withDerivedFields(input, current as never))
    for (const problem of couponCrossFieldProblems(merged as CouponCrossFieldShape, { complete: true })) {
      problems.push(`${problem.path}: ${problem.message}`)
    }
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
    }
    return new StepResponse(current)
  }
)
