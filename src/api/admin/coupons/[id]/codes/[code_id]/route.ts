import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteCouponCodeWorkflow } from "../../../../../../workflows/delete-coupon-code"
import { updateCouponCodeWorkflow } from "../../../../../../workflows/update-coupon-code"
import { refetchCoupon } from "../../../helpers"
import { refetchCouponCode } from "../helpers"
import type { AdminUpdateCouponCodeType } from "../validators"

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateCouponCodeType>, res: MedusaResponse) => {
  const { id, code_id } = req.params
  await refetchCoupon(req.scope, id, ["id"])
  await updateCouponCodeWorkflow(req.scope).run({
    input: { ...req.validatedBody, coupon_id: id, id: code_id, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.json({ code: await refetchCouponCode(req.scope, id, code_id, req.queryConfig.fields) })
}

/** Only a code that was never redeemed; a used one answers 400 and should be disabled instead. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { id, code_id } = req.params
  await refetchCoupon(req.scope, id, ["id"])
  await deleteCouponCodeWorkflow(req.scope).run({ input: { coupon_id: id, id: code_id, actor_id: req.auth_context?.actor_id ?? null } })
  res.json({ id: code_id, object: "coupon_code", deleted: true })
}
