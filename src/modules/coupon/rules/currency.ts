import { hasValuesIn, valuesDependOnCurrency } from "../utils/currency-values"
import type { CouponRule } from "./types"

const lower = (value?: string | null) => (value ?? "").toLowerCase()

/**
 * A coupon applies in a currency when it has its money values there (a fixed
 * amount, a percentage's cap, a minimum subtotal per currency; see
 * currency-values.ts) and the currency is on its currency_codes allow-list.
 */
export const currencyRule: CouponRule = {
  name: "currency",
  reason: "currency_not_supported",
  reads: (coupon) => (valuesDependOnCurrency(coupon) || (coupon.currency_codes ?? []).length ? ["cart"] : []),
  check: ({ cart, coupon }) => {
    if (!cart) {
      return true
    }
    const currency = lower(cart.currency_code)
    if (!hasValuesIn(coupon, currency)) {
      return false
    }
    const allowed = (coupon.currency_codes ?? []).map(lower)
    return !allowed.length || allowed.includes(currency)
  },
  message: ({ cart }) => `This code cannot be used for purchases in ${lower(cart?.currency_code).toUpperCase()}.`,
}
