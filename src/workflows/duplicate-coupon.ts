import { recordCouponAuditStep } from "./steps/record-coupon-audit"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCouponWorkflow } from "./create-coupon"
import { prepareCouponCopyStep } from "./steps/prepare-coupon-copy"

export type DuplicateCouponWorkflowInput = { id: string; actor_id?: string | null }

export const duplicateCouponWorkflowId = "duplicate-coupon"

export const duplicateCouponWorkflow = createWorkflow(duplicateCouponWorkflowId, (input: DuplicateCouponWorkflowInput) => {
  const copy = prepareCouponCopyStep(transform({ input }, ({ input }) => ({ id: input.id })))
  const coupon = createCouponWorkflow.runAsStep({
    input: transform({ copy, input }, ({ copy, input }) => ({ ...copy, actor_id: input.actor_id ?? null })),
  })
  recordCouponAuditStep(
    transform({ input, coupon }, ({ input, coupon }) => [
      { coupon_id: coupon.id, action: "coupon.duplicated", actor_id: input.actor_id ?? null, changes: { from_coupon_id: input.id } },
    ])
  )
  return new WorkflowResponse(coupon)
})
