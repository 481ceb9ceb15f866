import type { CouponRule } from "./types"

export const codeUsageLimitRule: CouponRule = {
  name: "code-usage-limit",
  reason: "code_usage_limit_reached",
  // the counts and dates of the code and coupon, the shopper's usage: no cart
  reads: () => [],
  check: ({ code }) => code.usage_limit === null || code.usage_limit === undefined || code.usage_count < code.usage_limit,
  message: () => "This code has already been used.",
}
