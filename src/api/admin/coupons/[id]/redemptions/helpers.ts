import type { RedemptionFilters } from "../../../../../modules/coupon/types"
import type { AdminGetCouponRedemptionsParamsType } from "./validators"

type FilterParams = Omit<AdminGetCouponRedemptionsParamsType, "limit" | "offset" | "order" | "fields" | "with_deleted">

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`)

/** The list filters as query.graph filters. */
export const redemptionGraphFilters = (couponId: string, params: FilterParams) => {
  const and: Record<string, unknown>[] = [{ coupon_id: couponId }]
  if (params.status) and.push({ status: params.status })
  if (params.customer_id) and.push({ customer_id: params.customer_id })
  if (params.email) and.push({ email: { $ilike: escapeLike(params.email) } })
  if (params.q) {
    const like = `%${escapeLike(params.q)}%`
    and.push({ $or: [{ code: { $ilike: like } }, { order_id: { $ilike: like } }, { email: { $ilike: like } }] })
  }
  const range = params.created_at
  if (range) {
    const created: Record<string, Date> = {}
    if (range.gte) created.$gte = range.gte
    if (range.gt) created.$gt = range.gt
    if (range.lte) created.$lte = range.lte
    if (range.lt) created.$lt = range.lt
    and.push({ created_at: created })
  }
  return { $and: and }
}

/** The same filters for the module's export reader. */
export const redemptionExportFilters = (couponId: string, params: Omit<FilterParams, "q">): RedemptionFilters => ({
  coupon_id: couponId,
  status: params.status,
  customer_id: params.customer_id,
  email: params.email,
  created_at: params.created_at,
})
