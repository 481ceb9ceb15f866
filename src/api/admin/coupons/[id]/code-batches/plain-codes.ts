import type { MedusaContainer } from "@medusajs/framework/types"
import { COUPON_MODULE } from "../../../../../modules/coupon"
import type CouponModuleService from "../../../../../modules/coupon/service"

type BatchRow = Record<string, unknown> & { id: string; settings?: { hashed?: boolean } | null; completed_at?: string | Date | null }

/** Until when a hashed batch's plain codes are kept, unless receipt is confirmed sooner. */
export const plainCodesUntil = (completedAt: string | Date | null | undefined, retentionDays: number): Date | null =>
  completedAt ? new Date(new Date(completedAt).getTime() + retentionDays * 24 * 60 * 60 * 1000) : null

/**
 * Adds `plain_codes_downloadable` and `plain_codes_downloadable_until` to
 * batches read with their `settings` and `completed_at`: whether the plain
 * codes of a hashed batch can still be downloaded, and until when.
 */
export const withPlainCodesState = async <T extends BatchRow>(container: MedusaContainer, batches: T[]) => {
  const described = batches.filter((batch) => "settings" in batch && "completed_at" in batch)
  if (!described.length) {
    return batches
  }
  const service = container.resolve<CouponModuleService>(COUPON_MODULE)
  const kept = await service.batchesWithRevealedCodes(described.filter((batch) => batch.settings?.hashed).map((batch) => batch.id))
  const days = service.getOptions().plain_codes_retention_days
  return batches.map((batch) => {
    if (!described.includes(batch)) {
      return batch
    }
    const downloadable = kept.has(batch.id) && !!batch.completed_at
    return {
      ...batch,
      plain_codes_downloadable: downloadable,
      plain_codes_downloadable_until: downloadable ? plainCodesUntil(batch.completed_at, days)!.toISOString() : null,
    }
  })
}
