import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCouponCodeBatchWorkflow } from "../../../../../workflows/create-coupon-code-batch"
import { refetchCoupon } from "../../helpers"
import { refetchCodeBatch, withProgress } from "./helpers"
import { withPlainCodesState } from "./plain-codes"
import type { AdminCreateCouponCodeBatchType, AdminGetCouponCodeBatchesParamsType } from "./validators"

/** Batches of a coupon, newest first, with progress and whether their plain codes can still be downloaded. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetCouponCodeBatchesParamsType>, res: MedusaResponse) => {
  await refetchCoupon(req.scope, req.params.id, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "coupon_code_batch",
    fields: req.queryConfig.fields,
    filters: { coupon_id: req.params.id },
    pagination: { ...req.queryConfig.pagination, order: req.queryConfig.pagination?.order ?? { created_at: "DESC" } },
  })
  const batches = await withPlainCodesState(
    req.scope,
    data.map((batch: { id: string }) => withProgress(batch))
  )
  res.json({ batches, count: metadata?.count ?? 0, offset: metadata?.skip ?? 0, limit: metadata?.take ?? 0 })
}

/**
 * Records the batch; its generation runs in the background, on the instance
 * that runs subscribers: answers 202 with the batch at once; poll
 * GET …/code-batches/:batch_id for progress.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCouponCodeBatchType>, res: MedusaResponse) => {
  const couponId = req.params.id
  await refetchCoupon(req.scope, couponId, ["id"])
  const { result: batch } = await createCouponCodeBatchWorkflow(req.scope).run({
    input: { ...req.validatedBody, coupon_id: couponId, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.status(202).json({ batch: await refetchCodeBatch(req.scope, couponId, batch.id, req.queryConfig.fields) })
}
