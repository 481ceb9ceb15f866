import type { CouponRule } from "./types"

export const couponActiveRule: CouponRule = {
  name: "coupon-active",
  reason: "inactive",
  // the counts and dates of the code and coupon, the shopper's usage: no cart
  reads: () => [],
  check: ({ coupon, code }) => coupon.status === "active" && code.status === "active",
  message: () => "This code is not active.",
}
