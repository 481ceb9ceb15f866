import { formatAmount, isSet } from "./format"
import { matchingItems, sumSubtotal } from "./matching-items"
import type { CouponRule, FoundContext } from "./types"

const matchingSubtotal = ({ coupon, cart }: FoundContext) => sumSubtotal(matchingItems(coupon, cart?.items ?? []))

/** Like the cart minimum, counted over the lines the coupon targets only. */
export const minMatchingSubtotalRule: CouponRule = {
  name: "min-matching-subtotal",
  reason: "min_subtotal_not_met",
  reads: (coupon) => (isSet(coupon.min_matching_subtotal) ? ["items", "item_subtotals"] : []),
  check: (context) =>
    context.coupon.min_matching_subtotal === null ||
    context.coupon.min_matching_subtotal === undefined ||
    matchingSubtotal(context) >= context.coupon.min_matching_subtotal,
  message: (context) => {
    const minimum = Number(context.coupon.min_matching_subtotal)
    const currency = context.cart?.currency_code ?? context.coupon.currency_code ?? "usd"
    return `Add ${formatAmount(minimum - matchingSubtotal(context), currency)} more of eligible items to use this code (minimum ${formatAmount(minimum, currency)}).`
  },
}
