import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import type { RedeemCodeInput } from "../../modules/coupon/types"

export const redeemCodesStepId = "redeem-coupon-codes"

/** Counts the codes atomically; compensation removes exactly the rows this step wrote. */
export const redeemCodesStep = createStep(
  redeemCodesStepId,
  async (input: RedeemCodeInput[], { container }) => {
    if (!input.length) {
      return new StepResponse({ redemption_ids: [] as string[], redeemed_code_ids: [] as string[] }, [] as string[])
    }
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const result = await service.redeemCodes(input)
    return new StepResponse(result, result.redemption_ids)
  },
  async (redemptionIds, { container }) => {
    if (!redemptionIds?.length) {
      return
    }
    await container.resolve<CouponModuleService>(COUPON_MODULE).revertRedemptions({ redemption_ids: redemptionIds, remove: true })
  }
)
