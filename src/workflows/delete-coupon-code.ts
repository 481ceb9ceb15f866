import { recordCouponAuditStep } from "./steps/record-coupon-audit"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseCodesFromOpenCartsStep } from "./steps/release-codes-from-open-carts"
import { softDeleteCouponCodeStep } from "./steps/soft-delete-coupon-code"
import { validateCouponCodeChangeStep } from "./steps/validate-coupon-code-change"

export type DeleteCouponCodeWorkflowInput = { coupon_id: string; id: string; actor_id?: string | null }

export const deleteCouponCodeWorkflowId = "delete-coupon-code"

/** Deletes a code that was never redeemed (a used one must be disabled instead); open carts holding it lose it and its discount. */
export const deleteCouponCodeWorkflow = createWorkflow(deleteCouponCodeWorkflowId, (input: DeleteCouponCodeWorkflowInput) => {
  const before = validateCouponCodeChangeStep(
    transform({ input }, ({ input }) => ({ coupon_id: input.coupon_id, id: input.id, action: "delete" as const }))
  )
  softDeleteCouponCodeStep({ id: input.id })
  recordCouponAuditStep(
    transform({ input, before }, ({ input, before }) => [
      {
        coupon_id: input.coupon_id,
        code_id: input.id,
        action: "code.deleted",
        actor_id: input.actor_id ?? null,
        changes: { code: (before as { code?: string }).code },
      },
    ])
  )
  releaseCodesFromOpenCartsStep(
    transform({ input }, ({ input }) => ({ code_ids: [input.id], reason: "not_found" as const, message: "This code does not exist." }))
  )
  return new WorkflowResponse({ id: input.id })
})
