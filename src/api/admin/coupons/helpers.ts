import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { AdminGetCouponsParamsType } from "./validators"

export const refetchCoupon = async (container: MedusaContainer, id: string, fields: string[]) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "coupon", fields, filters: { id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Coupon with id: ${id} was not found`)
  }
  return data[0]
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`)

/** The list filters as query.graph filters (the date window against now). */
export const couponListFilters = (params: Omit<AdminGetCouponsParamsType, "limit" | "offset" | "order" | "fields">) => {
  const now = new Date()
  const and: Record<string, unknown>[] = []
  if (params.q) {
    const like = `%${escapeLike(params.q)}%`
    and.push({ $or: [{ name: { $ilike: like } }, { codes: { code: { $ilike: like } } }] })
  }
  if (params.status) {
    and.push({ status: params.status })
  }
  if (params.discount_type) {
    and.push({ discount_type: params.discount_type })
  }
  if (params.state === "active") {
    and.push(
      { status: "active" },
      { $or: [{ starts_at: null }, { starts_at: { $lte: now } }] },
      { $or: [{ ends_at: null }, { ends_at: { $gt: now } }] }
    )
  } else if (params.state === "scheduled") {
    and.push({ starts_at: { $gt: now } })
  } else if (params.state === "expired") {
    and.push({ ends_at: { $lte: now } })
  }
  return and.length ? { $and: and } : {}
}
