import { isSet } from "./format"
import type { CouponRule } from "./types"

/**
 * A per-customer cap or a first-order condition counts a shopper by email or
 * account: a cart with neither cannot be counted, so the code waits on it
 * (the email may come later) and completion refuses. Login and group
 * conditions refuse such a cart by themselves, earlier in the list.
 */
export const emailRequiredRule: CouponRule = {
  name: "email-required",
  reason: "email_required",
  reads: (coupon) => (isSet(coupon.usage_limit_per_customer) || coupon.first_order_only ? ["cart"] : []),
  check: ({ coupon, cart, phase }) => {
    const counted = (coupon.usage_limit_per_customer !== null && coupon.usage_limit_per_customer !== undefined) || !!coupon.first_order_only
    if (!counted || !cart || cart.email?.trim() || cart.customer_id) {
      return true
    }
    return phase !== "complete"
  },
  message: () => "Enter your email address to use this code.",
}
