import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { softDeleteCouponCodeStep } from "./steps/soft-delete-coupon-code"
import { validateCouponCodeChangeStep } from "./steps/validate-coupon-code-change"

export type DeleteCouponCodeWorkflowInput = { coupon_id: string; id: string }

export const deleteCouponCodeWorkflowId = "delete-coupon-code"

/** Deletes a code that was never redeemed; a used one must be disabled instead. */
export const deleteCouponCodeWorkflow = createWorkflow(deleteCouponCodeWorkflowId, (input: DeleteCouponCodeWorkflowInput) => {
  validateCouponCodeChangeStep(
    transform({ input }, ({ input }) => ({ coupon_id: input.coupon_id, id: input.id, action: "delete" as const }))
  )
  softDeleteCouponCodeStep({ id: input.id })
  return new WorkflowResponse({ id: input.id })
})
