import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import type { DistributeCodesInput } from "../../modules/coupon/types"

export const assignCouponCodesStepId = "assign-coupon-codes"

/** One unused code per recipient; compensation frees the codes and removes the distribution. */
export const assignCouponCodesStep = createStep(
  assignCouponCodesStepId,
  async (input: DistributeCodesInput, { container }) => {
    if (!input.recipients.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "There is nobody to send codes to (the customer group has no customers).")
    }
    const { expiry_before, ...result } = await container.resolve<CouponModuleService>(COUPON_MODULE).distributeCodes(input)
    return new StepResponse(result, { distribution_id: result.distribution_id, expiry_before })
  },
  async (undo, { container }) => {
    if (!undo?.distribution_id) {
      return
    }
    await container.resolve<CouponModuleService>(COUPON_MODULE).undoDistribution(undo.distribution_id, undo.expiry_before)
  }
)
