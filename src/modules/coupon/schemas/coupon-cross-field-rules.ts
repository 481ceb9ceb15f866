import { ITEM_SELECTOR_KEYS } from "../constants"

type Selector = Partial<Record<(typeof ITEM_SELECTOR_KEYS)[number], string[] | null>> | null | undefined

/** The fields the cross-field rules read: a create body, or a stored coupon merged with an update. */
export type CouponCrossFieldShape = Partial<{
  discount_type: string
  discount_value: number | string | null
  currency_code: string | null
  max_discount_amount: number | string | null
  amounts: Record<string, number> | null
  max_discount_amounts: Record<string, number> | null
  min_subtotal: number | string | null
  min_subtotals: Record<string, number> | null
  combinable: boolean
  combines_with: { order: boolean; product: boolean; shipping: boolean } | null
  starts_at: Date | string | null
  ends_at: Date | string | null
  target: string
  targets: Selector
  excluded_targets: Selector
  buy_targets: Selector
  buy_quantity: number | null
  get_quantity: number | null
  shipping_option_ids: string[] | null
  usage_limit: number | null
  usage_limit_period: string | null
  usage_limit_per_customer: number | null
  usage_limit_per_customer_period: string | null
}>

export type CouponFieldProblem = { path: string; message: string }

export const selectorKindsNamed = (value: Selector) => ITEM_SELECTOR_KEYS.filter((key) => (value?.[key] ?? []).length > 0)

const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : null)

/**
 * The rules between fields of a coupon, one home for create, update and the
 * admin forms. A create body is judged as it is; an update is judged on the
 * stored coupon merged with the update (`complete: true`), so a body naming
 * one field cannot leave the coupon in a state create refuses.
 */
export const couponCrossFieldProblems = (
  coupon: CouponCrossFieldShape,
  { complete = "discount_type" in coupon }: { complete?: boolean } = {}
): CouponFieldProblem[] => {
  const problems: CouponFieldProblem[] = []
  const add = (path: string, message: string) => problems.push({ path, message })
  const value = coupon.discount_value === undefined || coupon.discount_value === null ? undefined : Number(coupon.discount_value)
  const type = coupon.discount_type

  const amounts = coupon.amounts ?? null
  if (type === "fixed" && !coupon.currency_code && !amounts) {
    add("currency_code", "currency_code is required for a fixed discount (or amounts, a value per currency)")
  }
  if (amounts && type !== undefined && type !== "fixed") {
    add("amounts", "amounts are the values of a fixed discount")
  }
  if (amounts && coupon.currency_code) {
    const primary = amounts[coupon.currency_code.toLowerCase()]
    if (primary === undefined) {
      add("currency_code", `currency_code must be one of the currencies of amounts (${Object.keys(amounts).join(", ")})`)
    } else if (value !== undefined && value !== Number(primary)) {
      add("discount_value", `a coupon with amounts takes its value from them: set amounts.${coupon.currency_code.toLowerCase()} instead`)
    }
  }
  if (coupon.combines_with && coupon.combinable !== undefined && coupon.combinable !== Object.values(coupon.combines_with).some(Boolean)) {
    add("combinable", "combinable says whether combines_with names any class: leave it out, or make them agree")
  }
  const capped = coupon.max_discount_amount !== undefined && coupon.max_discount_amount !== null
  const cappedPerCurrency = !!coupon.max_discount_amounts
  if ((capped || cappedPerCurrency) && type !== undefined && type !== "percentage") {
    add(capped ? "max_discount_amount" : "max_discount_amounts", "a discount cap applies to a percentage discount only")
  }
  if (capped && cappedPerCurrency) {
    add("max_discount_amounts", "set max_discount_amount (one currency) or max_discount_amounts (per currency), not both")
  }
  if (coupon.min_subtotal !== undefined && coupon.min_subtotal !== null && coupon.min_subtotals) {
    add("min_subtotals", "set min_subtotal (any currency) or min_subtotals (per currency), not both")
  }
  if (capped && !coupon.currency_code) {
    add("currency_code", "currency_code is required with max_discount_amount (the cap is an amount in that currency)")
  }
  if (type === "percentage" && value !== undefined && (value <= 0 || value > 100)) {
    add("discount_value", "discount_value of a percentage must be above 0 and at most 100")
  }
  if (type === "fixed" && value !== undefined && value <= 0) {
    add("discount_value", "discount_value of a fixed discount must be above 0")
  }
  const starts = time(coupon.starts_at)
  const ends = time(coupon.ends_at)
  if (starts !== null && ends !== null && ends <= starts) {
    add("ends_at", "ends_at must be after starts_at")
  }
  for (const field of ["targets", "buy_targets"] as const) {
    // native target rules AND their kinds: "these products or that collection" cannot be said in one coupon
    if (selectorKindsNamed(coupon[field]).length > 1) {
      add(field, `${field} names one kind of lines: products, collections, categories or product types`)
    }
  }
  if (type === "buy_get") {
    if (value !== undefined && (value <= 0 || value > 100)) {
      add("discount_value", "discount_value of buy X get Y is the percentage off the free lines: above 0 and at most 100")
    }
    for (const field of ["buy_quantity", "get_quantity"] as const) {
      if (coupon[field] === null || (coupon[field] === undefined && complete)) {
        add(field, `${field} is required for buy X get Y`)
      }
    }
    if ((coupon.buy_targets !== undefined || complete) && !selectorKindsNamed(coupon.buy_targets).length) {
      add("buy_targets", "buy_targets must name the lines to buy for buy X get Y")
    }
  }
  const shipping = type === "free_shipping" || coupon.target === "shipping"
  if (shipping && (selectorKindsNamed(coupon.targets).length || selectorKindsNamed(coupon.excluded_targets).length)) {
    add("targets", "a shipping discount cannot target products; limit it with shipping_option_ids")
  }
  if (coupon.shipping_option_ids?.length && type !== undefined && !shipping) {
    add("shipping_option_ids", "shipping_option_ids limit shipping discounts only (free_shipping, or target shipping)")
  }
  if (coupon.usage_limit_period && (coupon.usage_limit === null || (coupon.usage_limit === undefined && complete))) {
    add("usage_limit_period", "usage_limit_period says how often usage_limit resets: set usage_limit too")
  }
  if (
    coupon.usage_limit_per_customer_period &&
    (coupon.usage_limit_per_customer === null || (coupon.usage_limit_per_customer === undefined && complete))
  ) {
    add("usage_limit_per_customer_period", "usage_limit_per_customer_period says how often usage_limit_per_customer resets: set it too")
  }
  return problems
}

type AmountsInput = { amounts?: Record<string, number> | null; currency_code?: string | null; discount_value?: number | string | null }

/**
 * A fixed coupon with amounts keeps its primary currency in currency_code and
 * discount_value, what single-currency readers show: the currency_code given
 * when amounts name it, else the stored one when they still do, else the
 * first. A discount_value given is kept (the cross-field rules refuse one that
 * differs). For an update, `stored` is the coupon before it and `input` the
 * update; without amounts after it, the input is returned as it is.
 */
export const withPrimaryAmount = <T extends object>(input: T, stored?: AmountsInput): T => {
  const given = input as AmountsInput
  const amounts = given.amounts !== undefined ? given.amounts : stored?.amounts
  const touched = given.amounts !== undefined || given.currency_code !== undefined
  if (!amounts || !Object.keys(amounts).length || !touched) {
    return input
  }
  const named = (currency: string | null | undefined) =>
    currency && amounts[currency.toLowerCase()] !== undefined ? currency.toLowerCase() : null
  const primary = named(given.currency_code) ?? named(stored?.currency_code) ?? Object.keys(amounts)[0]
  return { ...input, currency_code: given.currency_code ?? primary, discount_value: given.discount_value ?? amounts[primary] }
}

/**
 * combines_with and combinable say one thing: a body naming the classes sets
 * combinable from them (any class); a body naming combinable alone clears the
 * classes, so combinable keeps its old meaning (every class, or none).
 */
export const withCombinable = <T extends object>(input: T): T => {
  const given = input as { combinable?: boolean; combines_with?: Record<string, boolean> | null }
  if (given.combines_with) {
    return { ...input, combinable: given.combinable ?? Object.values(given.combines_with).some(Boolean) }
  }
  if (given.combinable !== undefined && given.combines_with === undefined) {
    return { ...input, combines_with: null }
  }
  return input
}

/** A create body or an update with the fields other fields decide (see withPrimaryAmount, withCombinable). */
export const withDerivedFields = <T extends object>(input: T, stored?: AmountsInput): T => withCombinable(withPrimaryAmount(input, stored))

/** A stored coupon with an update laid over it: what the coupon would be after the update. */
export const mergeCouponUpdate = (stored: object, update: object): Record<string, unknown> => {
  const merged: Record<string, unknown> = { ...stored }
  for (const [key, value] of Object.entries(update)) {
    if (value !== undefined) {
      merged[key] = value
    }
  }
  return merged
}
