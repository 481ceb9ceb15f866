import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { addCouponCodesWorkflow } from "../../../../../workflows/add-coupon-codes"
import { refetchCoupon } from "../../helpers"
import { couponCodeListFilters, withDisplayCode } from "./helpers"
import type { AdminCreateCouponCodesType, AdminGetCouponCodesParamsType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetCouponCodesParamsType>, res: MedusaResponse) => {
  await refetchCoupon(req.scope, req.params.id, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: codes, metadata } = await query.graph({
    entity: "coupon_code",
    fields: req.queryConfig.fields,
    filters: couponCodeListFilters(req.params.id, req.validatedQuery as AdminGetCouponCodesParamsType) as never,
    pagination: req.queryConfig.pagination,
  })
  res.json({ codes: codes.map(withDisplayCode), count: metadata?.count ?? 0, offset: metadata?.skip ?? 0, limit: metadata?.take ?? 0 })
}

/** Named codes: all are created or none (a repeat in the request → 400, a live code with the same text → 422). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCouponCodesType>, res: MedusaResponse) => {
  await refetchCoupon(req.scope, req.params.id, ["id"])
  const { result } = await addCouponCodesWorkflow(req.scope).run({
    input: { coupon_id: req.params.id, codes: req.validatedBody.codes, actor_id: req.auth_context?.actor_id ?? null },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: codes } = await query.graph({
    entity: "coupon_code",
    fields: req.queryConfig.fields,
    filters: { id: result.map((code) => code.id) },
  })
  res.json({ codes })
}
