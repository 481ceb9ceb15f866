import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"

export type CouponAuditInput = {
  coupon_id: string
  action: string
  actor_id?: string | null
  actor_type?: string | null
  code_id?: string | null
  changes?: Record<string, unknown> | null
}

export const recordCouponAuditStepId = "record-coupon-audit"

/** Writes audit entries as part of the admin workflow: if the workflow fails later, they go with it. */
export const recordCouponAuditStep = createStep(
  recordCouponAuditStepId,
  async (entries: CouponAuditInput[], { container }) => {
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const created = (entries.length ? await service.createCouponAuditEntries(entries as never) : []) as unknown as { id: string }[]
    return new StepResponse(
      created,
      created.map((entry) => entry.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<CouponModuleService>(COUPON_MODULE).deleteCouponAuditEntries(ids)
    }
  }
)

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

const plain = (value: unknown) =>
  value instanceof Date
    ? value.toISOString()
    : value !== null && typeof value === "object" && "numeric" in (value as object)
      ? Number((value as { numeric: unknown }).numeric)
      : value

/** The fields an update really changed, as { field: { from, to } }. */
export const diffFields = (
  before: Record<string, unknown>,
  update: Record<string, unknown>
): Record<string, { from: unknown; to: unknown }> => {
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const [field, to] of Object.entries(update)) {
    if (field === "id") {
      continue
    }
    const from = plain(before[field])
    const next = plain(to)
    if (!same(from, next) && !(typeof from === "number" && Number(next) === from)) {
      changes[field] = { from, to: next }
    }
  }
  return changes
}
