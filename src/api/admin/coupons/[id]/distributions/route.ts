import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../../../../modules/coupon"
import type CouponModuleService from "../../../../../modules/coupon/service"
import { distributeCouponCodesWorkflow } from "../../../../../workflows/distribute-coupon-codes"
import { refetchCodeBatch } from "../code-batches/helpers"
import { refetchCoupon } from "../../helpers"
import type { AdminCreateCouponDistributionType, AdminGetCouponDistributionsParamsType } from "./validators"

/** Distributions of a coupon, newest first, each with how many of its codes were redeemed. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetCouponDistributionsParamsType>, res: MedusaResponse) => {
  await refetchCoupon(req.scope, req.params.id, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "coupon_distribution",
    fields: req.queryConfig.fields,
    filters: { coupon_id: req.params.id },
    pagination: { ...req.queryConfig.pagination, order: req.queryConfig.pagination?.order ?? { created_at: "DESC" } },
  })
  const redeemed = await req.scope
    .resolve<CouponModuleService>(COUPON_MODULE)
    .countRedeemedByDistribution(data.map((distribution: { id: string }) => distribution.id))
  const distributions = data.map((distribution: { id: string }) => ({
    ...distribution,
    redeemed_count: redeemed[distribution.id] ?? 0,
  }))
  res.json({ distributions, count: metadata?.count ?? 0, offset: metadata?.skip ?? 0, limit: metadata?.take ?? 0 })
}

/**
 * Hands one unused code to each email (or member of a customer group) and
 * emits `coupon.code_assigned` for each, all or nothing.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCouponDistributionType>, res: MedusaResponse) => {
  const couponId = req.params.id
  await refetchCoupon(req.scope, couponId, ["id"])
  const { emails, customer_group_id, batch_id, valid_for_days } = req.validatedBody
  if (batch_id) {
    await refetchCodeBatch(req.scope, couponId, batch_id, ["id"])
  }
  const { result } = await distributeCouponCodesWorkflow(req.scope).run({
    input: { coupon_id: couponId, emails, customer_group_id, batch_id, valid_for_days, created_by: req.auth_context?.actor_id ?? null },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [distribution],
  } = await query.graph({ entity: "coupon_distribution", fields: ["*"], filters: { id: result.distribution_id } })
  res.json({ distribution: { ...distribution, redeemed_count: 0 }, assignments: result.assignments, skipped: result.skipped })
}
