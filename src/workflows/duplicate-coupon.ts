import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCouponWorkflow } from "./create-coupon"
import { prepareCouponCopyStep } from "./steps/prepare-coupon-copy"

export type DuplicateCouponWorkflowInput = { id: string }

export const duplicateCouponWorkflowId = "duplicate-coupon"

export const duplicateCouponWorkflow = createWorkflow(duplicateCouponWorkflowId, (input: DuplicateCouponWorkflowInput) => {
  const copy = prepareCouponCopyStep(input)
  const coupon = createCouponWorkflow.runAsStep({ input: copy })
  return new WorkflowResponse(coupon)
})
