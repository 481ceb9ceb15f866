import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { displayCode } from "../../../../../modules/coupon/codes/hash"
import type { AdminGetCouponCodesParamsType } from "./validators"

export const refetchCouponCode = async (container: MedusaContainer, couponId: string, id: string, fields: string[]) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "coupon_code", fields, filters: { id, coupon_id: couponId } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Coupon code with id: ${id} was not found on coupon ${couponId}`)
  }
  return withDisplayCode(data[0] as Record<string, unknown>)
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`)

/** The list filters as query.graph filters. */
export const couponCodeListFilters = (
  couponId: string,
  params: Pick<AdminGetCouponCodesParamsType, "q" | "status" | "used" | "batch_id" | "distribution_id" | "assigned">
) => {
  const filters: Record<string, unknown> = { coupon_id: couponId }
  if (params.q) {
    filters.code = { $ilike: `%${escapeLike(params.q)}%` }
  }
  if (params.status) {
    filters.status = params.status
  }
  if (params.used !== undefined) {
    filters.usage_count = params.used ? { $gt: 0 } : 0
  }
  if (params.batch_id) {
    filters.batch_id = params.batch_id
  }
  if (params.distribution_id) {
    filters.distribution_id = params.distribution_id
  }
  if (params.assigned === true) {
    filters.$or = [{ assigned_email: { $ne: null } }, { assigned_customer_id: { $ne: null } }]
  } else if (params.assigned === false) {
    filters.assigned_email = null
    filters.assigned_customer_id = null
  }
  return filters
}

/** A hashed code shows as "****" and its last four characters: the digest is never handed out. */
export const withDisplayCode = <T extends Record<string, unknown>>(code: T): T =>
  typeof code.code === "string" ? { ...code, code: displayCode(code as unknown as { code: string; code_last4?: string | null }) } : code
