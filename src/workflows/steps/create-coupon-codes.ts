import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import { normalizeCode } from "../../modules/coupon/codes/normalize"
import type CouponModuleService from "../../modules/coupon/service"

export type CreateCouponCodesStepInput = {
  coupon_id: string
  codes: { code: string; usage_limit?: number | null; expires_at?: string | Date | null; assigned_email?: string | null }[]
}

export const createCouponCodesStepId = "create-coupon-codes"

export const createCouponCodesStep = createStep(
  createCouponCodesStepId,
  async ({ coupon_id, codes }: CreateCouponCodesStepInput, { container }) => {
    if (!codes.length) {
      return new StepResponse([] as { id: string; code: string }[], [] as string[])
    }
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const created = (await service.createCouponCodes(
      codes.map((code) => ({ ...code, code: normalizeCode(code.code), coupon_id })) as never
    )) as unknown as { id: string; code: string }[]
    return new StepResponse(
      created,
      created.map((code) => code.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<CouponModuleService>(COUPON_MODULE).deleteCouponCodes(ids)
  }
)
