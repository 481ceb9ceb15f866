import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPromotionsWorkflow, createRemoteLinkStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { COUPON_MODULE } from "../modules/coupon"
import { CouponEvents } from "./events"
import { createCouponStep } from "./steps/create-coupon"
import { recordCouponAuditStep } from "./steps/record-coupon-audit"
import { createCouponCodesStep } from "./steps/create-coupon-codes"
import { prepareCouponDataStep } from "./steps/prepare-coupon-data"
import { couponPromotionsData, newBackingPromotionCode } from "./utils/promotion-data"

export type CreateCouponWorkflowInput = Record<string, unknown> & {
  name: string
  discount_type?: "percentage" | "fixed" | "free_shipping" | "buy_get"
  discount_value: number
  /** creates the coupon's single shared code in the same call */
  code?: string
  code_usage_limit?: number | null
  /** the admin user making the change, for the audit trail */
  actor_id?: string | null
}

export const createCouponWorkflowId = "create-coupon"

/** Creates the coupon, its optional shared code and its backing promotion with its tax-inclusive twin (and currency pairs); a failure undoes them all. */
export const createCouponWorkflow = createWorkflow(createCouponWorkflowId, (input: CreateCouponWorkflowInput) => {
  const couponInput = transform({ input }, ({ input }) => {
    const { code: _code, code_usage_limit: _limit, actor_id: _actor, ...coupon } = input
    return coupon
  })
  const data = prepareCouponDataStep(couponInput)
  const coupon = createCouponStep(data)

  const codes = transform({ input, coupon }, ({ input, coupon }) => ({
    coupon_id: coupon.id,
    codes: input.code ? [{ code: input.code, usage_limit: input.code_usage_limit ?? null }] : [],
  }))
  createCouponCodesStep(codes)

  const promotionsData = transform({ coupon }, ({ coupon }) => ({
    promotionsData: couponPromotionsData(coupon as never, newBackingPromotionCode()),
  }))
  const promotions = createPromotionsWorkflow.runAsStep({ input: promotionsData })

  // the link names the backing promotion (the first); the twin and the currency pairs are found by their codes
  const link = transform({ coupon, promotions, promotionsData }, ({ coupon, promotions, promotionsData }) => [
    {
      [COUPON_MODULE]: { coupon_id: coupon.id },
      [Modules.PROMOTION]: { promotion_id: promotions.find((promotion) => promotion.code === promotionsData.promotionsData[0].code)!.id },
    },
  ])
  createRemoteLinkStep(link)

  recordCouponAuditStep(
    transform({ input, coupon }, ({ input, coupon }) => [
      {
        coupon_id: coupon.id,
        action: "coupon.created",
        actor_id: input.actor_id ?? null,
        changes: input.code ? { code: input.code } : null,
      },
    ])
  )
  emitEventStep({ eventName: CouponEvents.CREATED, data: transform({ coupon }, ({ coupon }) => ({ id: coupon.id })) })
  return new WorkflowResponse(coupon)
})
