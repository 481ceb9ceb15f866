import { recordCouponAuditStep } from "./steps/record-coupon-audit"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CouponEvents } from "./events"
import { assignCouponCodesStep } from "./steps/assign-coupon-codes"
import { resolveDistributionRecipientsStep } from "./steps/resolve-distribution-recipients"

export type DistributeCouponCodesWorkflowInput = {
  coupon_id: string
  emails?: string[]
  customer_group_id?: string | null
  batch_id?: string | null
  created_by?: string | null
  /** each code handed out expires this many days from now (or at its own earlier expiry) */
  valid_for_days?: number | null
}

export const distributeCouponCodesWorkflowId = "distribute-coupon-codes"

/**
 * Assigns one unused code of the coupon (or of one batch) to each recipient and
 * announces each assignment as `coupon.code_assigned`, which the plugin's
 * subscriber turns into a notification. Recipients who already hold a code of
 * this coupon are skipped, so running the same list twice sends nothing new.
 */
export const distributeCouponCodesWorkflow = createWorkflow(
  distributeCouponCodesWorkflowId,
  (input: DistributeCouponCodesWorkflowInput) => {
    const recipients = resolveDistributionRecipientsStep(
      transform({ input }, ({ input }) => ({ emails: input.emails, customer_group_id: input.customer_group_id }))
    )
    const result = assignCouponCodesStep(
      transform({ input, recipients }, ({ input, recipients }) => ({
        coupon_id: input.coupon_id,
        batch_id: input.batch_id ?? null,
        customer_group_id: input.customer_group_id ?? null,
        created_by: input.created_by ?? null,
        valid_for_days: input.valid_for_days ?? null,
        recipients,
      }))
    )
    const events = transform({ input, result }, ({ input, result }) =>
      result.assignments.map((assignment) => ({
        coupon_id: input.coupon_id,
        distribution_id: result.distribution_id,
        code_id: assignment.code_id,
        code: assignment.code,
        email: assignment.email,
        customer_id: assignment.customer_id,
        expires_at: assignment.expires_at,
      }))
    )
    emitEventStep({ eventName: CouponEvents.CODE_ASSIGNED, data: events })
    recordCouponAuditStep(
      transform({ input, result }, ({ input, result }) => [
        {
          coupon_id: input.coupon_id,
          action: "distribution.created",
          actor_id: input.created_by ?? null,
          changes: {
            distribution_id: result.distribution_id,
            assigned: result.assignments.length,
            skipped: result.skipped.length,
            customer_group_id: input.customer_group_id ?? null,
            batch_id: input.batch_id ?? null,
            valid_for_days: input.valid_for_days ?? null,
          },
        },
      ])
    )
    return new WorkflowResponse(result)
  }
)
