import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"

export const createCouponStepId = "create-coupon"

export const createCouponStep = createStep(
  createCouponStepId,
  async (input: Record<string, unknown>, { container }) => {
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const coupon = await service.createCoupons(input as never)
    return new StepResponse(coupon, coupon.id)
  },
  async (couponId, { container }) => {
    if (!couponId) {
      return
    }
    await container.resolve<CouponModuleService>(COUPON_MODULE).deleteCoupons([couponId])
  }
)
