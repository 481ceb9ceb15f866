import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createCouponCodeBatchWorkflow } from "../../../../../workflows/create-coupon-code-batch"
import { generateCouponCodesWorkflow } from "../../../../../workflows/generate-coupon-codes"
import { refetchCoupon } from "../../helpers"
import { refetchCodeBatch } from "./helpers"
import type { AdminCreateCouponCodeBatchType } from "./validators"

/**
 * Records the batch and starts its generation in the background: answers
 * 202 with the batch at once; poll GET …/code-batches/:batch_id for progress.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCouponCodeBatchType>, res: MedusaResponse) => {
  const couponId = req.params.id
  await refetchCoupon(req.scope, couponId, ["id"])
  const { result: batch } = await createCouponCodeBatchWorkflow(req.scope).run({
    input: { ...req.validatedBody, coupon_id: couponId, actor_id: req.auth_context?.actor_id ?? null },
  })
  // a long-running workflow: `run` returns once its async step has started
  await generateCouponCodesWorkflow(req.scope).run({ input: { batch_id: batch.id } })
  res.status(202).json({ batch: await refetchCodeBatch(req.scope, couponId, batch.id, req.queryConfig.fields) })
}
