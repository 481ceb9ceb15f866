import { hasItemTargets, matchingItems } from "./matching-items"
import type { CouponRule } from "./types"

/**
 * A targeted coupon needs a line it can discount; a shipping coupon limited to
 * some shipping options needs one of them once shipping is chosen.
 */
export const matchingLinesRule: CouponRule = {
  name: "matching-lines",
  reason: "no_matching_items",
  reads: (coupon) => [
    ...(coupon.discount_type !== "buy_get" && hasItemTargets(coupon) ? (["items"] as const) : []),
    ...((coupon.shipping_option_ids ?? []).length ? (["shipping_methods"] as const) : []),
  ],
  check: ({ coupon, cart }) => {
    if (!cart) {
      return true
    }
    if (coupon.discount_type !== "buy_get" && hasItemTargets(coupon)) {
      if (!matchingItems(coupon, cart.items ?? []).length) {
        return false
      }
    }
    const options = coupon.shipping_option_ids ?? []
    const chosen = cart.shipping_option_ids ?? []
    if (options.length && chosen.length && !chosen.some((option) => options.includes(option))) {
      return false
    }
    return true
  },
  message: ({ coupon, cart }) => {
    const options = coupon.shipping_option_ids ?? []
    const chosen = cart?.shipping_option_ids ?? []
    if (options.length && chosen.length && !chosen.some((option) => options.includes(option))) {
      return "This code does not apply to the shipping method you chose."
    }
    return "This code does not apply to any item in your cart."
  },
}
