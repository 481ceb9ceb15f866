import { MedusaError } from "@medusajs/framework/utils"
import type { CouponReason } from "../rules/reasons"

/**
 * A shopper-facing coupon failure: a 400 in Medusa's error shape whose `code`
 * is the stable reason ("expired", "usage_limit_reached", ...).
 */
export class CouponError extends MedusaError {
  readonly reason: string

  constructor(reason: CouponReason | (string & {}), message: string) {
    super(MedusaError.Types.NOT_ALLOWED, message, reason)
    this.reason = reason
  }
}

/** Errors come back from workflows re-created, not as the class thrown: judge them by shape. */
export const isCouponError = (error: unknown): error is CouponError => {
  const candidate = error as { type?: unknown; code?: unknown } | null
  return (
    error instanceof CouponError || (!!candidate && candidate.type === MedusaError.Types.NOT_ALLOWED && typeof candidate.code === "string")
  )
}
