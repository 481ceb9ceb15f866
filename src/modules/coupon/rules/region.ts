import type { CouponRule } from "./types"

/** `region_id` is one of the cart's own columns, always loaded (see cartCodeFields). */
export const regionRule: CouponRule = {
  name: "region",
  reason: "region_not_allowed",
  reads: (coupon) => ((coupon.region_ids ?? []).length ? ["cart"] : []),
  check: ({ cart, coupon }) => {
    const allowed = coupon.region_ids ?? []
    return !cart || !allowed.length || allowed.includes(cart.region_id ?? "")
  },
  message: () => "This code is not valid in your region.",
}
