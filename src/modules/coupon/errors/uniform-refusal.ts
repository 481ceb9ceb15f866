import type { CouponReason } from "../rules/reasons"

/**
 * The refusals that tell a guesser a code exists (or which one it is): with the
 * `uniform_refusals` option they all answer `invalid_code` with one message,
 * the same as a code that does not exist.
 */
export const UNIFORM_REFUSAL_REASONS: ReadonlySet<string> = new Set<CouponReason>([
  "not_found",
  "inactive",
  "not_started",
  "expired",
  "usage_limit_reached",
  "code_usage_limit_reached",
  "code_reserved",
  "budget_exhausted",
  "not_assigned_to_you",
])

export const INVALID_CODE_MESSAGE = "This code is not valid."

/** The reason and message a shopper sees for a refusal. */
export const shownRefusal = (refusal: { reason: string; message: string }, uniform: boolean): { reason: string; message: string } =>
  uniform && UNIFORM_REFUSAL_REASONS.has(refusal.reason) ? { reason: "invalid_code", message: INVALID_CODE_MESSAGE } : refusal
