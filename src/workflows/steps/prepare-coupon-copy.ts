import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import { COUPON_INPUT_FIELDS } from "../../modules/coupon/schemas/coupon-fields"
import type CouponModuleService from "../../modules/coupon/service"

/** Every setting but the name and the status, which a copy gets anew. */
const COPIED_FIELDS = COUPON_INPUT_FIELDS.filter((field) => field !== "name" && field !== "status")

const MONEY_FIELDS = new Set<string>(["discount_value", "max_discount_amount", "min_subtotal", "min_matching_subtotal"])

export const prepareCouponCopyStepId = "prepare-coupon-copy"

/** The settings of a coupon as a new draft: no codes, no usage, so nothing is live by accident. */
export const prepareCouponCopyStep = createStep(prepareCouponCopyStepId, async ({ id }: { id: string }, { container }) => {
  const coupon = (await container.resolve<CouponModuleService>(COUPON_MODULE).retrieveCoupon(id)) as Record<string, unknown>
  const copy: Record<string, unknown> = { name: `${coupon.name} (copy)`, status: "draft" }
  for (const field of COPIED_FIELDS) {
    // money fields come back as BigNumber values; the create input takes numbers
    copy[field] = MONEY_FIELDS.has(field) && coupon[field] !== null ? Number(coupon[field]) : coupon[field]
  }
  return new StepResponse(copy as { name: string; discount_value: number })
})
