import type { CouponRule } from "./types"

export const customerLimitRule: CouponRule = {
  name: "customer-limit",
  reason: "customer_limit_reached",
  // counted by the loader from the shopper's email and account
  reads: () => [],
  // a periodic cap is the period-limit rule's
  check: ({ coupon, customer_usage_count }) =>
    coupon.usage_limit_per_customer === null ||
    coupon.usage_limit_per_customer === undefined ||
    !!coupon.usage_limit_per_customer_period ||
    customer_usage_count < coupon.usage_limit_per_customer,
  message: ({ coupon }) =>
    coupon.usage_limit_per_customer === 1
      ? "You have already used this code."
      : `You have already used this code ${coupon.usage_limit_per_customer} times.`,
}
