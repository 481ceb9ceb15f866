import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { generateCodeBatchStep, GenerateCodeBatchStepInput } from "./steps/generate-code-batch"

export type GenerateCouponCodesWorkflowInput = GenerateCodeBatchStepInput

export const generateCouponCodesWorkflowId = "generate-coupon-codes"

/**
 * Long-running: fills a batch in the background. `run` returns as soon as the
 * async step has started; progress is read from the batch row. Running it
 * again for an unfinished batch continues from `generated_count`.
 */
export const generateCouponCodesWorkflow = createWorkflow(generateCouponCodesWorkflowId, (input: GenerateCouponCodesWorkflowInput) => {
  return new WorkflowResponse(generateCodeBatchStep(input))
})
