import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCodeBatchStep } from "./steps/create-code-batch"
import { prepareCodeBatchStep, PrepareCodeBatchStepInput } from "./steps/prepare-code-batch"

export type CreateCouponCodeBatchWorkflowInput = PrepareCodeBatchStepInput

export const createCouponCodeBatchWorkflowId = "create-coupon-code-batch"

/** Checks the request (pattern, entropy) and records a pending batch; `generateCouponCodesWorkflow` fills it. */
export const createCouponCodeBatchWorkflow = createWorkflow(
  createCouponCodeBatchWorkflowId,
  (input: CreateCouponCodeBatchWorkflowInput) => {
    const data = prepareCodeBatchStep(input)
    return new WorkflowResponse(createCodeBatchStep(data))
  }
)
