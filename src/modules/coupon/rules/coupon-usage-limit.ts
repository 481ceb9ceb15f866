import type { CouponRule } from "./types"

export const couponUsageLimitRule: CouponRule = {
  name: "coupon-usage-limit",
  reason: "usage_limit_reached",
  // the counts and dates of the code and coupon, the shopper's usage: no cart
  reads: () => [],
  // a periodic cap is the period-limit rule's: the all-time count passes it
  check: ({ coupon }) =>
    coupon.usage_limit === null ||
    coupon.usage_limit === undefined ||
    !!coupon.usage_limit_period ||
    coupon.usage_count < coupon.usage_limit,
  message: () => "This code has reached its usage limit.",
}
