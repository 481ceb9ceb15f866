import type { CouponRule, EligibilityContext, EligibilityResult, FoundContext } from "./types"

const NOT_FOUND: EligibilityResult = {
  eligible: false,
  reason: "not_found",
  message: "This code does not exist.",
}

/**
 * Runs the rules in order and answers with the first failure. A code whose
 * coupon is gone is "not_found", whatever else is true of it.
 */
export const evaluateEligibility = (
  context: EligibilityContext,
  rules: CouponRule[]
): EligibilityResult => {
  if (!context.code || !context.coupon || context.code.deleted_at || context.coupon.deleted_at) {
    return NOT_FOUND
  }
  const found = context as FoundContext
  for (const rule of rules) {
    if (!rule.check(found)) {
      return { eligible: false, reason: rule.reason, message: rule.message(found) }
    }
  }
  return { eligible: true }
}
