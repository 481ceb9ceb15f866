import { isSet } from "./format"
import { buyGetApplications, buyItems, matchingItems, sumUnits } from "./matching-items"
import type { CouponRule, FoundContext } from "./types"

/** Units short of one buy X get Y application (0 when it fits, or for other coupons). */
const buyGetShortfall = ({ coupon, cart }: FoundContext): number => {
  const items = cart?.items ?? []
  if (coupon.discount_type !== "buy_get" || buyGetApplications(coupon, items) >= 1) {
    return 0
  }
  const needed = (coupon.buy_quantity ?? 0) + (coupon.get_quantity ?? 0)
  const eligible = new Set([...buyItems(coupon, items), ...matchingItems(coupon, items)])
  return Math.max(1, needed - sumUnits([...eligible]))
}

/** Units of matching lines short of min_quantity. */
const minQuantityShortfall = ({ coupon, cart }: FoundContext): number =>
  coupon.min_quantity ? Math.max(0, coupon.min_quantity - sumUnits(matchingItems(coupon, cart?.items ?? []))) : 0

/** Minimum units of matching lines; for buy X get Y, also enough units for one application. */
export const minQuantityRule: CouponRule = {
  name: "min-quantity",
  reason: "min_quantity_not_met",
  reads: (coupon) => (coupon.discount_type === "buy_get" || isSet(coupon.min_quantity) ? ["items"] : []),
  check: (context) => buyGetShortfall(context) === 0 && minQuantityShortfall(context) === 0,
  message: (context) => {
    const { coupon } = context
    const buyGet = buyGetShortfall(context)
    if (buyGet) {
      return `Buy ${coupon.buy_quantity} and get ${coupon.get_quantity} at ${Number(
        (coupon as { discount_value?: unknown }).discount_value
      )}% off: add ${buyGet} more eligible item${buyGet === 1 ? "" : "s"} to use this code.`
    }
    const missing = minQuantityShortfall(context)
    return `Add ${missing} more eligible item${missing === 1 ? "" : "s"} to use this code (minimum ${coupon.min_quantity}).`
  },
}
