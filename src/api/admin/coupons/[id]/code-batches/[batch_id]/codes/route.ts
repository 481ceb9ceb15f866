import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../../../../../../modules/coupon"
import type CouponModuleService from "../../../../../../../modules/coupon/service"
import { streamCsv } from "../../../../csv-stream"
import { refetchCodeBatch } from "../../helpers"
import { plainCodesUntil } from "../../plain-codes"

/**
 * The plain codes of a hashed batch as CSV. A download deletes nothing, so a
 * dropped one can be repeated: the codes are kept until the admin confirms
 * receipt (POST …/codes/confirm) or the `plain_codes_retention_days` after
 * completion have passed. Unhashed batches are in the codes export.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { id: couponId, batch_id: batchId } = req.params
  const batch = (await refetchCodeBatch(req.scope, couponId, batchId, ["id", "status", "settings"])) as {
    status: string
    settings: { hashed?: boolean }
  }
  if (!batch.settings?.hashed) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This batch's codes are stored readable: download them with GET …/codes/export.")
  }
  if (batch.status !== "completed") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This batch is ${batch.status}: its codes can be downloaded once it is completed.`)
  }
  const service = req.scope.resolve<CouponModuleService>(COUPON_MODULE)
  const codes = await service.listRevealedCodes(batchId)
  if (!codes.length) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, await plainCodesGoneMessage(req, couponId, batchId))
  }
  async function* rows() {
    for (const code of codes) {
      yield { code }
    }
  }
  await streamCsv(res, `coupon-${couponId}-batch-${batchId}-codes.csv`, ["code"], rows())
}

/** Why a hashed batch's plain codes are gone: the window ended, or else receipt was confirmed. */
const plainCodesGoneMessage = async (req: AuthenticatedMedusaRequest, couponId: string, batchId: string) => {
  const { completed_at } = (await refetchCodeBatch(req.scope, couponId, batchId, ["id", "completed_at"])) as { completed_at: string | null }
  const days = req.scope.resolve<CouponModuleService>(COUPON_MODULE).getOptions().plain_codes_retention_days
  const until = plainCodesUntil(completed_at, days)
  const why =
    until && until.getTime() <= Date.now()
      ? `their download window ended on ${until.toISOString()} (${days} days after the batch completed)`
      : "their receipt was confirmed"
  return `The plain codes of this batch are no longer kept: ${why}. They are stored hashed and cannot be shown again.`
}
