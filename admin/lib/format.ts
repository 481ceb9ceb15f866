import { combinesWithOf } from "../../src/modules/coupon/utils/combinations"
import { englishL10n, type CouponsL10n } from "./i18n"
import type { AdminCoupon, ItemSelector } from "./types"

// Every formatter takes the admin's `l10n` (useCouponsTranslation().l10n) or
// `locale` last; without it, it answers in English and the browser's locale
// as before the screens were translated.

export const formatMoney = (amount: number, currency: string, locale?: string) => {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currency.toUpperCase()}`
  }
}

/** 10 → "10%" in English, "10 %" in German. */
export const formatPercent = (value: number, locale?: string) =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 4 }).format(value / 100)

export const formatNumber = (value: number, locale?: string) => new Intl.NumberFormat(locale).format(value)

/** Each currency's amount, the primary one first, then A to Z (stored maps keep no order): "$15.00 · €12.00"; null for no map. */
export const formatPerCurrency = (values: Record<string, number> | null | undefined, primary?: string | null, locale?: string) =>
  values
    ? Object.entries(values)
        .sort(([a], [b]) => Number(b === primary) - Number(a === primary) || a.localeCompare(b))
        .map(([currency, amount]) => formatMoney(Number(amount), currency, locale))
        .join(" · ")
    : null

export const formatDiscount = (
  coupon: Pick<AdminCoupon, "discount_type" | "discount_value" | "currency_code"> &
    Partial<Pick<AdminCoupon, "buy_quantity" | "get_quantity" | "amounts">>,
  { t, locale }: CouponsL10n = englishL10n()
) => {
  if (coupon.discount_type === "free_shipping") {
    return t("format.discount.freeShipping")
  }
  if (coupon.discount_type === "buy_get") {
    const quantities = { buy: coupon.buy_quantity ?? "?", get: coupon.get_quantity ?? "?" }
    return Number(coupon.discount_value) === 100
      ? t("format.discount.buyGetFree", quantities)
      : t("format.discount.buyGetPercentOff", { ...quantities, percent: formatPercent(Number(coupon.discount_value), locale) })
  }
  if (coupon.discount_type === "percentage") {
    return t("format.discount.percentOff", { percent: formatPercent(Number(coupon.discount_value), locale) })
  }
  const amount =
    formatPerCurrency(coupon.amounts, coupon.currency_code, locale) ??
    formatMoney(Number(coupon.discount_value), coupon.currency_code ?? "usd", locale)
  return t("format.discount.amountOff", { amount })
}

export const formatDate = (value: string | null, locale?: string) =>
  value ? new Date(value).toLocaleDateString(locale, { year: "numeric", month: "short", day: "numeric" }) : "—"

/** A coupon's dates as a sentence: "Always", "From …", "Until …" or "… → …". */
export const validityOf = (coupon: Pick<AdminCoupon, "starts_at" | "ends_at">, { t, locale }: CouponsL10n = englishL10n()) => {
  if (!coupon.starts_at && !coupon.ends_at) {
    return t("format.validity.always")
  }
  if (!coupon.ends_at) {
    return t("format.validity.from", { date: formatDate(coupon.starts_at, locale) })
  }
  if (!coupon.starts_at) {
    return t("format.validity.until", { date: formatDate(coupon.ends_at, locale) })
  }
  return t("format.validity.range", { start: formatDate(coupon.starts_at, locale), end: formatDate(coupon.ends_at, locale) })
}

export type CouponState = "active" | "scheduled" | "expired" | "inactive"

/** What an admin wants to know at a glance: does it work right now? */
export const couponState = (coupon: Pick<AdminCoupon, "status" | "starts_at" | "ends_at">, now = new Date()): CouponState => {
  if (coupon.status !== "active") {
    return "inactive"
  }
  if (coupon.starts_at && new Date(coupon.starts_at) > now) {
    return "scheduled"
  }
  if (coupon.ends_at && new Date(coupon.ends_at) <= now) {
    return "expired"
  }
  return "active"
}

/** "a", "a and b", "a, b and c" in the admin's language. */
export const joinAnd = (parts: string[], { t }: CouponsL10n = englishL10n()) =>
  parts.length > 1 ? t("common.and", { list: parts.slice(0, -1).join(", "), last: parts[parts.length - 1] }) : (parts[0] ?? "")

const KIND_KEYS = {
  product_ids: "format.selector.products",
  collection_ids: "format.selector.collections",
  category_ids: "format.selector.categories",
  type_ids: "format.selector.types",
} as const

/** "2 products", "1 collection and 3 categories"; null when the selector names nothing. */
export const formatSelector = (selector: ItemSelector | null | undefined, l10n: CouponsL10n = englishL10n()): string | null => {
  const parts = Object.entries(selector ?? {})
    .filter(([key, ids]) => key in KIND_KEYS && ids?.length)
    .map(([key, ids]) => l10n.t(KIND_KEYS[key as keyof typeof KIND_KEYS], { count: ids!.length }))
  return parts.length ? joinAnd(parts, l10n) : null
}

const CLASSES = ["order", "product", "shipping"] as const

/** "Order and shipping discounts", "Nothing (used alone)" or "Every discount". */
export const formatCombinesWith = (coupon: Pick<AdminCoupon, "combinable" | "combines_with">, { t }: CouponsL10n = englishL10n()) => {
  const kinds = CLASSES.filter((kind) => combinesWithOf(coupon)[kind])
  if (!kinds.length) {
    return t("format.combinesWith.none")
  }
  if (kinds.length === CLASSES.length) {
    return t("format.combinesWith.all")
  }
  return t(`format.combinesWith.${kinds.join("_") as "order" | "order_product"}`)
}
