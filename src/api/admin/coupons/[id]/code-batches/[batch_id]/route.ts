import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchCoupon } from "../../../helpers"
import { refetchCodeBatch } from "../helpers"

/** Status (pending → running → completed | failed), counts, progress and error of a batch. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { id, batch_id } = req.params
  await refetchCoupon(req.scope, id, ["id"])
  res.json({ batch: await refetchCodeBatch(req.scope, id, batch_id, req.queryConfig.fields) })
}
