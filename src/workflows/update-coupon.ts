import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, updatePromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { CouponEvents } from "./events"
import { findBackingPromotionStep } from "./steps/find-backing-promotion"
import { syncBackingPromotionRulesStep } from "./steps/sync-backing-promotion-rules"
import { updateCouponStep } from "./steps/update-coupon"
import { diffFields, recordCouponAuditStep } from "./steps/record-coupon-audit"
import { validateCouponUpdateStep } from "./steps/validate-coupon-update"
import { applicationMethodFor, promotionStatusFor } from "./utils/promotion-data"

export type UpdateCouponWorkflowInput = Record<string, unknown> & { id: string; actor_id?: string | null }

export const updateCouponWorkflowId = "update-coupon"

/** Updates the coupon and keeps its backing promotion (status, discount) in step; a failure undoes both. */
export const updateCouponWorkflow = createWorkflow(updateCouponWorkflowId, (input: UpdateCouponWorkflowInput) => {
  const fields = transform({ input }, ({ input }) => {
    const { actor_id: _actor, ...update } = input
    return update
  })
  const before = validateCouponUpdateStep(fields)
  const coupon = updateCouponStep(fields)
  const promotion = findBackingPromotionStep({ coupon_id: input.id })
  const promotionsData = transform({ coupon, promotion }, ({ coupon, promotion }) => ({
    promotionsData: [
      {
        id: promotion.id,
        status: promotionStatusFor(coupon.status),
        application_method: applicationMethodFor(coupon as never),
      },
    ],
  }))
  updatePromotionsWorkflow.runAsStep({ input: promotionsData as never })
  syncBackingPromotionRulesStep(
    transform({ coupon, promotion }, ({ coupon, promotion }) => ({ promotion_id: promotion.id, coupon: coupon as never }))
  )
  recordCouponAuditStep(
    transform({ input, fields, before }, ({ input, fields, before }) => [
      { coupon_id: input.id, action: "coupon.updated", actor_id: input.actor_id ?? null, changes: diffFields(before as never, fields) },
    ])
  )
  emitEventStep({ eventName: CouponEvents.UPDATED, data: transform({ coupon }, ({ coupon }) => ({ id: coupon.id })) })
  return new WorkflowResponse(coupon)
})
