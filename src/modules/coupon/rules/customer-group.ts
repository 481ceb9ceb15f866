import type { CouponRule } from "./types"

export const customerGroupRule: CouponRule = {
  name: "customer-group",
  reason: "customer_group_not_allowed",
  reads: (coupon) => ((coupon.customer_group_ids ?? []).length ? ["customer"] : []),
  check: ({ coupon, cart }) => {
    const groups = coupon.customer_group_ids ?? []
    if (!groups.length || !cart) {
      return true
    }
    return (cart.customer_group_ids ?? []).some((group) => groups.includes(group))
  },
  message: ({ cart }) =>
    cart?.has_account ? "This code is not available for your account." : "This code is for selected customers only. Log in to use it.",
}
