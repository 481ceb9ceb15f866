import type { CouponRule } from "./types"

/** Unknown (no email or customer yet) passes until completion, like the email rule. */
export const firstOrderRule: CouponRule = {
  name: "first-order",
  reason: "first_order_only",
  // counted by the loader from the shopper's email and account
  reads: () => [],
  check: ({ coupon, previous_order_count, phase }) => {
    if (!coupon.first_order_only) {
      return true
    }
    if (previous_order_count === null || previous_order_count === undefined) {
      return phase !== "complete"
    }
    return previous_order_count === 0
  },
  message: () => "This code is for first orders only.",
}
