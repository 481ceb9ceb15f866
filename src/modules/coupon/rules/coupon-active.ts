import type { CouponRule } from "./types"

export const couponActiveRule: CouponRule = {
  name: "coupon-active",
  reason: "inactive",
  check: ({ coupon, code }) => coupon.status === "active" && code.status === "active",
  message: () => "This code is not active.",
}
