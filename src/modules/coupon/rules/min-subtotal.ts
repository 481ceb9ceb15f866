import { minSubtotalIn } from "../utils/currency-values"
import { formatAmount, isSet } from "./format"
import type { CouponRule, FoundContext } from "./types"

/** The minimum in the cart's currency (a currency without one is the currency rule's refusal). */
const minimumOf = ({ cart, coupon }: FoundContext) => (cart ? minSubtotalIn(coupon, cart.currency_code) : null)

export const minSubtotalRule: CouponRule = {
  name: "min-subtotal",
  reason: "min_subtotal_not_met",
  reads: (coupon) => (isSet(coupon.min_subtotal) || isSet(coupon.min_subtotals) ? ["subtotal"] : []),
  check: (context) => {
    const minimum = minimumOf(context)
    return !context.cart || minimum === null || minimum === undefined || context.cart.subtotal >= minimum
  },
  message: (context) => {
    const minimum = minimumOf(context) ?? 0
    const missing = minimum - (context.cart?.subtotal ?? 0)
    const currency = context.cart?.currency_code ?? context.coupon.currency_code ?? "usd"
    return `Add ${formatAmount(missing, currency)} more to your cart to use this code (minimum ${formatAmount(minimum, currency)}).`
  },
}
