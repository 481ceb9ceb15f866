import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"

export type ValidateCouponCodeChangeStepInput = {
  coupon_id: string
  id: string
  /** what is about to happen to the code */
  action: "update" | "delete"
  usage_limit?: number | null
}

export const validateCouponCodeChangeStepId = "validate-coupon-code-change"

/**
 * The code belongs to the coupon (404 otherwise); an update keeps the limit
 * at or above the uses so far; only a never-redeemed code may be deleted
 * (the ledger keeps pointing at used ones: disable those instead).
 */
export const validateCouponCodeChangeStep = createStep(
  validateCouponCodeChangeStepId,
  async (input: ValidateCouponCodeChangeStepInput, { container }) => {
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const [code] = await service.listCouponCodes({ id: input.id, coupon_id: input.coupon_id })
    if (!code) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Coupon code with id: ${input.id} was not found on coupon ${input.coupon_id}`)
    }
    if (input.action === "update" && typeof input.usage_limit === "number" && input.usage_limit < code.usage_count) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `usage_limit: cannot be below the code's current usage (${code.usage_count})`)
    }
    if (input.action === "delete") {
      const [redemption] = await service.listCouponRedemptions({ coupon_code_id: code.id }, { select: ["id"], take: 1 })
      if (code.usage_count > 0 || redemption) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Code ${code.code} has been redeemed and cannot be deleted; disable it instead (POST { "status": "disabled" })`
        )
      }
    }
    return new StepResponse(code)
  }
)
