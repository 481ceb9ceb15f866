import { recordCouponAuditStep } from "./steps/record-coupon-audit"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCodeBatchStep } from "./steps/create-code-batch"
import { prepareCodeBatchStep, PrepareCodeBatchStepInput } from "./steps/prepare-code-batch"

export type CreateCouponCodeBatchWorkflowInput = PrepareCodeBatchStepInput & { actor_id?: string | null }

export const createCouponCodeBatchWorkflowId = "create-coupon-code-batch"

/** Checks the request (pattern, entropy) and records a pending batch; `generateCouponCodesWorkflow` fills it. */
export const createCouponCodeBatchWorkflow = createWorkflow(
  createCouponCodeBatchWorkflowId,
  (input: CreateCouponCodeBatchWorkflowInput) => {
    const data = prepareCodeBatchStep(
      transform({ input }, ({ input }) => {
        const { actor_id: _actor, ...request } = input
        return request as PrepareCodeBatchStepInput
      })
    )
    const batch = createCodeBatchStep(data)
    recordCouponAuditStep(
      transform({ input, batch }, ({ input, batch }) => [
        {
          coupon_id: input.coupon_id,
          action: "batch.created",
          actor_id: input.actor_id ?? null,
          changes: { batch_id: batch.id, count: batch.requested_count, settings: batch.settings },
        },
      ])
    )
    return new WorkflowResponse(batch)
  }
)
