import type { CouponRule } from "./types"

/**
 * Stops the coupon once its discounts in the cart's currency reached the
 * budget; redemption checks the same atomically (see redeemCodes).
 */
export const budgetRule: CouponRule = {
  name: "budget",
  reason: "budget_exhausted",
  // the cart's currency when there is a cart, else the coupon's
  reads: () => [],
  check: ({ coupon, cart, budget_used }) => {
    const currency = cart?.currency_code?.toLowerCase() ?? coupon.currency_code?.toLowerCase()
    const limit = currency ? coupon.budget_limits?.[currency] : undefined
    if (limit === undefined || limit === null) {
      return true
    }
    return (budget_used ?? 0) < Number(limit)
  },
  message: () => "This promotion has ended: its budget is used up.",
}
