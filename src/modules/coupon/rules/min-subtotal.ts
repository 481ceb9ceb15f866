import { formatAmount, isSet } from "./format"
import type { CouponRule } from "./types"

export const minSubtotalRule: CouponRule = {
  name: "min-subtotal",
  reason: "min_subtotal_not_met",
  reads: (coupon) => (isSet(coupon.min_subtotal) ? ["subtotal"] : []),
  check: ({ cart, coupon }) =>
    !cart || coupon.min_subtotal === null || coupon.min_subtotal === undefined || cart.subtotal >= coupon.min_subtotal,
  message: ({ cart, coupon }) => {
    const missing = Number(coupon.min_subtotal) - (cart?.subtotal ?? 0)
    const currency = cart?.currency_code ?? coupon.currency_code ?? "usd"
    return `Add ${formatAmount(missing, currency)} more to your cart to use this code (minimum ${formatAmount(
      Number(coupon.min_subtotal),
      currency
    )}).`
  },
}
