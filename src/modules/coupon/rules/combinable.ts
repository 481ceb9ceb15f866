import type { CouponRule } from "./types"

/** Two codes may share a cart only when both coupons allow stacking; two codes of one coupon never do. */
export const combinableRule: CouponRule = {
  name: "combinable",
  reason: "not_combinable",
  check: ({ cart, coupon, code }) => {
    const others = (cart?.applied ?? []).filter((applied) => applied.code !== code.code)
    if (!others.length) {
      return true
    }
    return (
      coupon.combinable &&
      others.every((other) => other.combinable && other.coupon_id !== coupon.id)
    )
  },
  message: () => "This code cannot be combined with the codes already in your cart.",
}
