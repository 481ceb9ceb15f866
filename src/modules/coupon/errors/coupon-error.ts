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

export const isCouponError = (error: unknown): error is CouponError =>
  error instanceof CouponError ||
  (error instanceof MedusaError && error.type === MedusaError.Types.NOT_ALLOWED && !!error.code)
