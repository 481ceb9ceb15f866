import type { CouponRule } from "./types"

export const loginRequiredRule: CouponRule = {
  name: "login-required",
  reason: "login_required",
  reads: (coupon) => (coupon.requires_login ? ["customer"] : []),
  // without a cart nobody is known to be logged out; a guest cart is
  check: ({ coupon, cart }) => !coupon.requires_login || !cart || !!cart.has_account,
  message: () => "Log in to your account to use this code.",
}
