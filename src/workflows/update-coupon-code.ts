import { diffFields, recordCouponAuditStep } from "./steps/record-coupon-audit"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshOpenCartsOfCouponStep } from "./steps/refresh-open-carts-of-coupon"
import { releaseCodesFromOpenCartsStep } from "./steps/release-codes-from-open-carts"
import { updateCouponCodeStep } from "./steps/update-coupon-code"
import { validateCouponCodeChangeStep } from "./steps/validate-coupon-code-change"

export type UpdateCouponCodeWorkflowInput = {
  coupon_id: string
  id: string
  status?: "active" | "disabled"
  usage_limit?: number | null
  expires_at?: Date | null
  actor_id?: string | null
}

export const updateCouponCodeWorkflowId = "update-coupon-code"

/** Enables/disables a code or changes its limit or expiry (never below the uses so far); a disabled code leaves the open carts holding it. */
export const updateCouponCodeWorkflow = createWorkflow(updateCouponCodeWorkflowId, (input: UpdateCouponCodeWorkflowInput) => {
  const before = validateCouponCodeChangeStep(
    transform({ input }, ({ input }) => ({
      coupon_id: input.coupon_id,
      id: input.id,
      usage_limit: input.usage_limit,
      action: "update" as const,
    }))
  )
  const update = transform({ input }, ({ input }) => {
    const { coupon_id: _coupon, actor_id: _actor, ...fields } = input
    return fields
  })
  const updated = updateCouponCodeStep(update)
  recordCouponAuditStep(
    transform({ input, update, before }, ({ input, update, before }) => [
      {
        coupon_id: input.coupon_id,
        code_id: input.id,
        action: "code.updated",
        actor_id: input.actor_id ?? null,
        changes: { code: (before as { code?: string }).code, ...diffFields(before as never, update) },
      },
    ])
  )
  releaseCodesFromOpenCartsStep(
    transform({ input }, ({ input }) => ({
      code_ids: [input.id],
      skip: input.status !== "disabled",
      reason: "inactive" as const,
      message: "This code is not active.",
    }))
  )
  // a new limit or expiry is judged on the open carts holding the code: one that no longer applies leaves them
  refreshOpenCartsOfCouponStep(
    transform({ input }, ({ input }) => ({
      code_ids: [input.id],
      skip: input.status === "disabled" || (input.expires_at === undefined && input.usage_limit === undefined),
      recompute: false,
    }))
  )
  return new WorkflowResponse(updated)
})
