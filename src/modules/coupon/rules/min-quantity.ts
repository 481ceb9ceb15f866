import { buyGetApplications, buyItems, matchingItems, sumUnits } from "./matching-items"
import type { CouponRule } from "./types"

const missingUnits = ({ coupon, cart }: Parameters<CouponRule["check"]>[0]): number => {
  const items = cart?.items ?? []
  if (coupon.discount_type === "buy_get") {
    if (buyGetApplications(coupon, items) >= 1) {
      return 0
    }
    // how far the cart is from one application, counted in units of the buy and get lines
    const needed = (coupon.buy_quantity ?? 0) + (coupon.get_quantity ?? 0)
    const eligible = new Set([...buyItems(coupon, items), ...matchingItems(coupon, items)])
    return Math.max(1, needed - sumUnits([...eligible]))
  }
  if (!coupon.min_quantity) {
    return 0
  }
  return Math.max(0, coupon.min_quantity - sumUnits(matchingItems(coupon, items)))
}

/** Minimum units of matching lines; for buy X get Y, enough units for one application. */
export const minQuantityRule: CouponRule = {
  name: "min-quantity",
  reason: "min_quantity_not_met",
  check: (context) => !context.cart?.items || missingUnits(context) === 0,
  message: (context) => {
    const missing = missingUnits(context)
    const { coupon } = context
    if (coupon.discount_type === "buy_get") {
      return `Buy ${coupon.buy_quantity} and get ${coupon.get_quantity} at ${Number(
        (coupon as { discount_value?: unknown }).discount_value
      )}% off: add ${missing} more eligible item${missing === 1 ? "" : "s"} to use this code.`
    }
    return `Add ${missing} more eligible item${missing === 1 ? "" : "s"} to use this code (minimum ${coupon.min_quantity}).`
  },
}
