import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refetchCoupon } from "../../helpers"
import { redemptionGraphFilters } from "./helpers"
import type { AdminGetCouponRedemptionsParamsType } from "./validators"

/** The coupon's ledger, newest first unless `order` says otherwise. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetCouponRedemptionsParamsType>, res: MedusaResponse) => {
  await refetchCoupon(req.scope, req.params.id, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, status, customer_id, email, created_at } = req.validatedQuery as AdminGetCouponRedemptionsParamsType
  const { data: redemptions, metadata } = await query.graph({
    entity: "coupon_redemption",
    fields: req.queryConfig.fields,
    filters: redemptionGraphFilters(req.params.id, { q, status, customer_id, email, created_at }) as never,
    pagination: req.queryConfig.pagination,
  })
  res.json({ redemptions, count: metadata?.count ?? 0, offset: metadata?.skip ?? 0, limit: metadata?.take ?? 0 })
}
