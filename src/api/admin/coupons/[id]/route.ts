import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteCouponWorkflow } from "../../../../workflows/delete-coupon"
import { updateCouponWorkflow } from "../../../../workflows/update-coupon"
import { refetchCoupon } from "../helpers"
import type { AdminUpdateCouponType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ coupon: await refetchCoupon(req.scope, req.params.id, req.queryConfig.fields) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateCouponType>, res: MedusaResponse) => {
  await refetchCoupon(req.scope, req.params.id, ["id"])
  await updateCouponWorkflow(req.scope).run({
    input: { ...req.validatedBody, id: req.params.id, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.json({ coupon: await refetchCoupon(req.scope, req.params.id, req.queryConfig.fields) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchCoupon(req.scope, req.params.id, ["id"])
  await deleteCouponWorkflow(req.scope).run({ input: { id: req.params.id, actor_id: req.auth_context?.actor_id ?? null } })
  res.json({ id: req.params.id, object: "coupon", deleted: true })
}
