import { recordCouponAuditStep } from "./steps/record-coupon-audit"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CouponEvents } from "./events"
import { createCodeBatchStep } from "./steps/create-code-batch"
import { prepareCodeBatchStep, PrepareCodeBatchStepInput } from "./steps/prepare-code-batch"

export type CreateCouponCodeBatchWorkflowInput = PrepareCodeBatchStepInput & { actor_id?: string | null }

export const createCouponCodeBatchWorkflowId = "create-coupon-code-batch"

/**
 * Checks the request (pattern, entropy) and records a pending batch, then emits
 * `coupon.code_batch_created`: its subscriber runs `generateCouponCodesWorkflow`
 * where subscribers run (the worker of a split deployment), not in the request.
 */
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
    emitEventStep({
      eventName: CouponEvents.CODE_BATCH_CREATED,
      data: transform({ batch }, ({ batch }) => ({ id: batch.id, coupon_id: batch.coupon_id })),
    })
    return new WorkflowResponse(batch)
  }
)
