import { isSet } from "./format"
import type { CouponRule } from "./types"

const lower = (value?: string | null) => (value ?? "").toLowerCase()

export const currencyRule: CouponRule = {
  name: "currency",
  reason: "currency_not_supported",
  reads: (coupon) =>
    coupon.discount_type === "fixed" || isSet(coupon.max_discount_amount) || (coupon.currency_codes ?? []).length ? ["cart"] : [],
  check: ({ cart, coupon }) => {
    if (!cart) {
      return true
    }
    const currency = lower(cart.currency_code)
    // a fixed amount and a percentage's cap are amounts in the coupon's currency
    const inCurrency = coupon.discount_type === "fixed" || (coupon.max_discount_amount !== null && coupon.max_discount_amount !== undefined)
    if (inCurrency && lower(coupon.currency_code) !== currency) {
      return false
    }
    const allowed = (coupon.currency_codes ?? []).map(lower)
    return !allowed.length || allowed.includes(currency)
  },
  message: ({ cart }) => `This code cannot be used for purchases in ${lower(cart?.currency_code).toUpperCase()}.`,
}
