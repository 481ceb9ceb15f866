import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../../modules/coupon"
import type CouponModuleService from "../../../modules/coupon/service"
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
  // the list's Code column: the shared code, or how many codes
  const summaries = await req.scope.resolve<CouponModuleService>(COUPON_MODULE).summarizeCodes(coupons.map((coupon) => coupon.id as string))
  res.json({
    coupons: coupons.map((coupon) => ({ ...coupon, code_summary: summaries.get(coupon.id as string) ?? null })),
    count: metadata?.count ?? 0,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? 0,
  })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCouponType>, res: MedusaResponse) => {
  const { result } = await createCouponWorkflow(req.scope).run({
    input: { ...(req.validatedBody as object), actor_id: req.auth_context?.actor_id ?? null } as never,
  })
  res.json({ coupon: await refetchCoupon(req.scope, result.id, req.queryConfig.fields) })
}
