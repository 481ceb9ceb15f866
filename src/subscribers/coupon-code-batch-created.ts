import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CouponEvents } from "../workflows/events"
import { generateCouponCodesWorkflow } from "../workflows/generate-coupon-codes"

/**
 * Fills a new code batch where subscribers run: the worker of a split
 * deployment, so a million codes never load a server that answers shoppers.
 * A batch this misses (the worker stopped) is resumed by the job
 * resume-coupon-code-batches, on the worker too.
 */
export default async function couponCodeBatchCreatedHandler({ event, container }: SubscriberArgs<{ id: string; coupon_id: string }>) {
  // long-running: `run` returns once the async step has started
  await generateCouponCodesWorkflow(container).run({ input: { batch_id: event.data.id } })
}

export const config: SubscriberConfig = { event: CouponEvents.CODE_BATCH_CREATED }
