import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import type { NewCouponCode } from "../../modules/coupon/types"

export type InsertCouponCodesStepInput = { coupon_id: string; codes: NewCouponCode[] }

export const insertCouponCodesStepId = "insert-coupon-codes"

/** Inserts named or imported codes in one transaction; compensation deletes exactly those rows. */
export const insertCouponCodesStep = createStep(
  insertCouponCodesStepId,
  async ({ coupon_id, codes }: InsertCouponCodesStepInput, { container }) => {
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const created = await service.insertCouponCodes(coupon_id, codes)
    return new StepResponse(
      created,
      created.map((code) => code.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<CouponModuleService>(COUPON_MODULE).deleteNewCouponCodes(ids)
  }
)
