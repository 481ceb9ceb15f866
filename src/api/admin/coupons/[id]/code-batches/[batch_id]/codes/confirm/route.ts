import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../../../../../../../modules/coupon"
import type CouponModuleService from "../../../../../../../../modules/coupon/service"
import { refetchCodeBatch } from "../../../helpers"

/**
 * The admin confirms the plain codes of a hashed batch were saved: they are
 * deleted, and GET …/codes answers 400 from then on. Repeating it is harmless.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { id: couponId, batch_id: batchId } = req.params
  const batch = (await refetchCodeBatch(req.scope, couponId, batchId, ["id", "settings"])) as { settings: { hashed?: boolean } }
  if (!batch.settings?.hashed) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This batch's codes are stored readable: there are no plain codes to confirm.")
  }
  await req.scope.resolve<CouponModuleService>(COUPON_MODULE).forgetRevealedCodes(batchId)
  res.json({ id: batchId, object: "coupon_code_batch_plain_codes", deleted: true })
}
