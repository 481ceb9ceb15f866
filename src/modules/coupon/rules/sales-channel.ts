import type { CouponRule } from "./types"

export const salesChannelRule: CouponRule = {
  name: "sales-channel",
  reason: "sales_channel_not_allowed",
  reads: (coupon) => ((coupon.sales_channel_ids ?? []).length ? ["cart"] : []),
  check: ({ cart, coupon }) => {
    const allowed = coupon.sales_channel_ids ?? []
    return !cart || !allowed.length || allowed.includes(cart.sales_channel_id ?? "")
  },
  message: () => "This code is not valid in this store.",
}
