import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { setTimeout as sleep } from "timers/promises"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"

export type GenerateCodeBatchStepInput = { batch_id: string }

export type GenerateCodeBatchStepOutput = { batch_id: string; status: string }

/** What compensation needs: the batch, and whether its codes must go (only after a failure). */
type GenerateCodeBatchCompensation = { batch_id: string; discard: boolean; error?: string }

export const generateCodeBatchStepId = "generate-coupon-code-batch"

/** Codes per INSERT (and per transaction): the progress a restart can lose at most. */
export const CODE_BATCH_CHUNK_SIZE = 10_000
const CHUNK_ATTEMPTS = 3

const withRetries = async <T>(run: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      const type = (error as { type?: string }).type
      // a typed error (exhausted pattern, unknown batch) will not go away by retrying
      if (attempt === CHUNK_ATTEMPTS || type) {
        throw error
      }
      await sleep(250 * attempt)
    }
  }
}

/**
 * Fills a batch chunk by chunk in the background (an async step with
 * background execution: the workflow's `run` returns at once and the step
 * completes by itself). Each chunk commits with the batch's progress, so a
 * batch left `running` by a restart goes on from `generated_count` when run
 * again (see src/jobs/resume-coupon-code-batches.ts).
 * On failure the batch is marked `failed`, and compensation soft-deletes its
 * unredeemed codes so that no half batch stays live.
 */
export const generateCodeBatchStep = createStep(
  { name: generateCodeBatchStepId, async: true, backgroundExecution: true, maxRetries: 0 },
  async (
    { batch_id }: GenerateCodeBatchStepInput,
    { container }
  ): Promise<StepResponse<GenerateCodeBatchStepOutput, GenerateCodeBatchCompensation>> => {
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const claimed = await service.claimCodeBatch(batch_id)
    if (!claimed) {
      return new StepResponse({ batch_id, status: "skipped" }, { batch_id, discard: false })
    }
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    // on the instance that runs background steps (a worker, in a split deployment)
    logger.info(`Coupon code batch ${batch_id}: generating codes on this instance`)
    try {
      for (;;) {
        const progress = await withRetries(() => service.fillCodeBatchChunk(batch_id, CODE_BATCH_CHUNK_SIZE))
        if (progress.status !== "running") {
          logger.info(`Coupon code batch ${batch_id}: ${progress.status}`)
          return new StepResponse({ batch_id, status: progress.status }, { batch_id, discard: false })
        }
        // let requests waiting on the event loop through between chunks
        await new Promise((resolve) => setImmediate(resolve))
      }
    } catch (error) {
      const message = (error as Error).message || "code generation failed"
      logger.error(`Coupon code batch ${batch_id} failed: ${message}`)
      await service.failCodeBatch(batch_id, message)
      return StepResponse.permanentFailure(message, { batch_id, discard: true, error: message })
    }
  },
  async (state: GenerateCodeBatchCompensation | undefined, { container }) => {
    if (!state?.discard) {
      return
    }
    await container.resolve<CouponModuleService>(COUPON_MODULE).discardCodeBatch(state.batch_id, state.error ?? null)
  }
)
