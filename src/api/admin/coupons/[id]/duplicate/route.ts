import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { duplicateCouponWorkflow } from "../../../../../workflows/duplicate-coupon"
import { refetchCoupon } from "../../helpers"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchCoupon(req.scope, req.params.id, ["id"])
  const { result } = await duplicateCouponWorkflow(req.scope).run({
    input: { id: req.params.id, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.json({ coupon: await refetchCoupon(req.scope, result.id, req.queryConfig.fields) })
}
