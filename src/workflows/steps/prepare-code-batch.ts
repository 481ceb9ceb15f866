import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import { batchEntropyProblem, batchPatternProblem, BatchCodeShape, resolveBatchPattern } from "../../modules/coupon/codes/batch-pattern"
import type { CodeBatchSettings } from "../../modules/coupon/repositories/code-batches"
import type CouponModuleService from "../../modules/coupon/service"

export type PrepareCodeBatchStepInput = BatchCodeShape & {
  coupon_id: string
  count: number
  usage_limit?: number | null
  expires_at?: Date | string | null
}

export type CodeBatchData = { coupon_id: string; requested_count: number; settings: CodeBatchSettings }

export const prepareCodeBatchStepId = "prepare-coupon-code-batch"

/**
 * Settles the batch's pattern (request, else plugin options) and refuses,
 * in one 400, a pattern that cannot make valid codes or that is guessable
 * for this many codes (the message states the odds and a longer pattern).
 */
export const prepareCodeBatchStep = createStep(prepareCodeBatchStepId, async (input: PrepareCodeBatchStepInput, { container }) => {
  const service = container.resolve<CouponModuleService>(COUPON_MODULE)
  const [coupon] = await service.listCoupons({ id: input.coupon_id }, { select: ["id"] })
  if (!coupon) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Coupon with id: ${input.coupon_id} was not found`)
  }
  const resolved = resolveBatchPattern(input, service.getOptions())
  const problem = batchPatternProblem(resolved.pattern) ?? batchEntropyProblem(resolved, input.count)
  if (problem) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  }
  const data: CodeBatchData = {
    coupon_id: input.coupon_id,
    requested_count: input.count,
    settings: {
      pattern: resolved.pattern,
      charset: resolved.charset,
      usage_limit: input.usage_limit === undefined ? 1 : input.usage_limit,
      expires_at: input.expires_at ? new Date(input.expires_at).toISOString() : null,
      // only single-use codes are hashed: a shared code must stay readable to be handed out
      hashed: service.getOptions().hash_codes && (input.usage_limit === undefined ? 1 : input.usage_limit) === 1,
    },
  }
  return new StepResponse(data)
})
