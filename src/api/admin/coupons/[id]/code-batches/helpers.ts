import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { withPlainCodesState } from "./plain-codes"

/** The batch with `progress` (0–1) when its counts were asked for, and its plain codes' state (see withPlainCodesState). */
export const refetchCodeBatch = async (container: MedusaContainer, couponId: string, id: string, fields: string[]) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "coupon_code_batch", fields, filters: { id, coupon_id: couponId } })
  const batch = data[0] as Record<string, unknown> | undefined
  if (!batch) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Coupon code batch with id: ${id} was not found on coupon ${couponId}`)
  }
  const [described] = await withPlainCodesState(container, [withProgress(batch as Record<string, unknown> & { id: string })])
  return described as Record<string, unknown>
}

export const withProgress = <T extends Record<string, unknown>>(batch: T) => {
  const { requested_count: requested, generated_count: generated } = batch
  return typeof requested === "number" && typeof generated === "number"
    ? { ...batch, progress: Math.floor((generated / requested) * 10_000) / 10_000 }
    : batch
}
