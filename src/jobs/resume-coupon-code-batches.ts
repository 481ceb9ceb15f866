import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../modules/coupon"
import type CouponModuleService from "../modules/coupon/service"
import { generateCouponCodesWorkflow } from "../workflows/generate-coupon-codes"

/**
 * A running batch writes a chunk (and its heartbeat) every second or so; the
 * `stale_batch_seconds` option (two minutes by default) of silence means its
 * process is gone.
 *
 * Resumes code batches that a stopped process left `pending` or `running`:
 * the workflow continues from the batch's `generated_count`. Safe to overlap
 * with a live runner: chunks lock the batch row, so runners take turns and
 * never exceed the requested count.
 */
export default async function resumeCouponCodeBatches(container: MedusaContainer) {
  const service = container.resolve<CouponModuleService>(COUPON_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const batchId of await service.listStaleCodeBatches(service.getOptions().stale_batch_seconds)) {
    logger.info(`Resuming coupon code batch ${batchId}`)
    await generateCouponCodesWorkflow(container).run({ input: { batch_id: batchId } })
  }
}

export const config = {
  name: "resume-coupon-code-batches",
  schedule: "* * * * *",
}
