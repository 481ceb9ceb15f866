import type { CartPart, CouponRule, EligibilityContext, EligibilityResult, FoundContext } from "./types"

const NOT_FOUND: EligibilityResult = {
  eligible: false,
  reason: "not_found",
  message: "This code does not exist.",
}

/** A rule given a cart without the parts it declared would judge on nothing: the loader's fault, never a pass. */
export class CartDataNotLoadedError extends Error {
  constructor(rule: string, missing: CartPart[]) {
    super(`medusa-plugin-coupons: rule "${rule}" reads ${missing.join(", ")} of the cart, which the loader did not load`)
  }
}

/** What these rules read of the cart for this coupon: the loader's query. */
export const cartPartsRead = (rules: CouponRule[], coupon: FoundContext["coupon"] | null | undefined): CartPart[] =>
  coupon ? [...new Set(rules.flatMap((rule) => rule.reads(coupon)))] : []

/**
 * Runs the rules in order and answers with the first failure. A code whose
 * coupon is gone is "not_found", whatever else is true of it. Without a cart,
 * the rules that read one wait for apply and completion (listed as pending).
 */
export const evaluateEligibility = (context: EligibilityContext, rules: CouponRule[]): EligibilityResult => {
  if (!context.code || !context.coupon || context.code.deleted_at || context.coupon.deleted_at) {
    return NOT_FOUND
  }
  const found = context as FoundContext
  const pending: string[] = []
  for (const rule of rules) {
    const reads = rule.reads(found.coupon)
    if (!found.cart && reads.length) {
      pending.push(String(rule.reason))
      continue
    }
    const missing = found.cart ? reads.filter((part) => !found.cart!.loaded.includes(part)) : []
    if (missing.length) {
      throw new CartDataNotLoadedError(rule.name, missing)
    }
    if (!rule.check(found)) {
      return { eligible: false, reason: rule.reason, message: rule.message(found) }
    }
  }
  return { eligible: true, pending: [...new Set(pending)] }
}
