import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCouponWorkflow } from "../../../workflows/create-coupon"
import { couponListFilters, refetchCoupon } from "./helpers"
import type { AdminCreateCouponType, AdminGetCouponsParamsType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetCouponsParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, status, discount_type, state } = req.validatedQuery as AdminGetCouponsParamsType
  const { data: coupons, metadata } = await query.graph({
    entity: "coupon",
    fields: req.queryConfig.fields,
    filters: couponListFilters({ q, status, discount_type, state }) as never,
    pagination: req.queryConfig.pagination,
  })
  res.json({ coupons, count: metadata?.count ?? 0, offset: metadata?.skip ?? 0, limit: metadata?.take ?? 0 })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCouponType>, res: MedusaResponse) => {
  const { result } = await createCouponWorkflow(req.scope).run({
    input: { ...(req.validatedBody as object), actor_id: req.auth_context?.actor_id ?? null } as never,
  })
  res.json({ coupon: await refetchCoupon(req.scope, result.id, req.queryConfig.fields) })
}
