/**
 * A coupon's money values in one currency. Each value is written either once,
 * for one currency (discount_value of a fixed coupon, max_discount_amount in
 * currency_code; min_subtotal in whatever currency the cart has), or per
 * currency (amounts, max_discount_amounts, min_subtotals). A currency the
 * per-currency map does not name has no value: the coupon does not apply in it
 * (reason currency_not_supported).
 */
export type CurrencyValues = Record<string, number | string>

export type CouponCurrencyFields = {
  discount_type: string
  discount_value?: number | string | null
  currency_code?: string | null
  amounts?: CurrencyValues | null
  max_discount_amount?: number | string | null
  max_discount_amounts?: CurrencyValues | null
  min_subtotal?: number | string | null
  min_subtotals?: CurrencyValues | null
}

const isSet = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined

const lower = (currency: string | null | undefined) => (currency ?? "").toLowerCase()

/** The entry of `currency` in a per-currency map (keys are stored lower-case), or undefined. */
const entryIn = (values: CurrencyValues, currency: string): number | undefined => {
  const value = values[lower(currency)]
  return isSet(value) ? Number(value) : undefined
}

/** What a fixed coupon takes off in `currency`; undefined where it has no amount (or is no fixed coupon). */
export const fixedAmountIn = (coupon: CouponCurrencyFields, currency: string): number | undefined => {
  if (coupon.discount_type !== "fixed") {
    return undefined
  }
  if (isSet(coupon.amounts)) {
    return entryIn(coupon.amounts, currency)
  }
  return lower(coupon.currency_code) === lower(currency) ? Number(coupon.discount_value ?? 0) : undefined
}

/** A percentage coupon's cap in `currency`: null when it has no cap at all, undefined when it has none for this currency. */
export const discountCapIn = (coupon: CouponCurrencyFields, currency: string): number | null | undefined => {
  if (isSet(coupon.max_discount_amounts)) {
    return entryIn(coupon.max_discount_amounts, currency)
  }
  if (!isSet(coupon.max_discount_amount)) {
    return null
  }
  return lower(coupon.currency_code) === lower(currency) ? Number(coupon.max_discount_amount) : undefined
}

/** The minimum subtotal in `currency`: null when there is none, undefined when the map names other currencies only. */
export const minSubtotalIn = (coupon: CouponCurrencyFields, currency: string): number | null | undefined => {
  if (isSet(coupon.min_subtotals)) {
    return entryIn(coupon.min_subtotals, currency)
  }
  return isSet(coupon.min_subtotal) ? Number(coupon.min_subtotal) : null
}

/** Whether each of the coupon's money values has one in `currency`. */
export const hasValuesIn = (coupon: CouponCurrencyFields, currency: string): boolean =>
  (coupon.discount_type !== "fixed" || fixedAmountIn(coupon, currency) !== undefined) &&
  discountCapIn(coupon, currency) !== undefined &&
  minSubtotalIn(coupon, currency) !== undefined

/** Whether the coupon has money values that depend on the currency (so its rules read the cart's). */
export const valuesDependOnCurrency = (coupon: CouponCurrencyFields): boolean =>
  coupon.discount_type === "fixed" || isSet(coupon.max_discount_amount) || isSet(coupon.max_discount_amounts) || isSet(coupon.min_subtotals)

/** The currencies of a fixed coupon's amounts other than its primary one (currency_code): each has its own promotions. */
export const extraAmountCurrencies = (coupon: Pick<CouponCurrencyFields, "discount_type" | "amounts" | "currency_code">): string[] =>
  coupon.discount_type === "fixed" && isSet(coupon.amounts)
    ? Object.keys(coupon.amounts)
        .map(lower)
        .filter((currency) => currency !== lower(coupon.currency_code))
        .sort()
    : []
