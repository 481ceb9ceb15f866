import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../../../../../../modules/coupon"
import type CouponModuleService from "../../../../../../../modules/coupon/service"
import { streamCsv } from "../../../../csv-stream"
import { refetchCodeBatch } from "../../helpers"

/**
 * The plain codes of a hashed batch as CSV, exactly once: they are deleted as
 * they are read, so a second download is refused. Unhashed batches are in the
 * codes export.
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
  const codes = await req.scope.resolve<CouponModuleService>(COUPON_MODULE).takeRevealedCodes(batchId)
  if (!codes.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The codes of this batch were already downloaded. They are stored hashed and cannot be shown again."
    )
  }
  async function* rows() {
    for (const code of codes) {
      yield { code }
    }
  }
  await streamCsv(res, `coupon-${couponId}-batch-${batchId}-codes.csv`, ["code"], rows())
}
