import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import type { NewCouponCode } from "../../modules/coupon/types"

export type ValidateNewCouponCodesStepInput = { coupon_id: string; codes: NewCouponCode[] }

export const validateNewCouponCodesStepId = "validate-new-coupon-codes"

/** The coupon exists (404), no code repeats in the request (400) or matches a live code (422); each names the codes. */
export const validateNewCouponCodesStep = createStep(
  validateNewCouponCodesStepId,
  async ({ coupon_id, codes }: ValidateNewCouponCodesStepInput, { container }) => {
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const [coupon] = await service.listCoupons({ id: coupon_id }, { select: ["id"] })
    if (!coupon) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Coupon with id: ${coupon_id} was not found`)
    }
    const seen = new Set<string>()
    const repeated = new Set<string>()
    for (const { code } of codes) {
      if (seen.has(code)) {
        repeated.add(code)
      }
      seen.add(code)
    }
    if (repeated.size) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Codes appear more than once in the request: ${[...repeated].join(", ")}`)
    }
    const taken = await service.findLiveCodes([...seen])
    if (taken.length) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `Codes already exist: ${taken.slice(0, 50).join(", ")}${taken.length > 50 ? ` and ${taken.length - 50} more` : ""}`
      )
    }
    return new StepResponse(undefined)
  }
)
