import { combinesWithOf } from "../../src/modules/coupon/utils/combinations"
import type { AdminCoupon, ItemSelector } from "./types"

export const formatMoney = (amount: number, currency: string) => {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currency.toUpperCase()}`
  }
}

/** Each currency's amount, the primary one first, then A to Z (stored maps keep no order): "$15.00 · €12.00"; null for no map. */
export const formatPerCurrency = (values: Record<string, number> | null | undefined, primary?: string | null) =>
  values
    ? Object.entries(values)
        .sort(([a], [b]) => Number(b === primary) - Number(a === primary) || a.localeCompare(b))
        .map(([currency, amount]) => formatMoney(Number(amount), currency))
        .join(" · ")
    : null

export const formatDiscount = (
  coupon: Pick<AdminCoupon, "discount_type" | "discount_value" | "currency_code"> &
    Partial<Pick<AdminCoupon, "buy_quantity" | "get_quantity" | "amounts">>
) => {
  if (coupon.discount_type === "free_shipping") {
    return "Free shipping"
  }
  if (coupon.discount_type === "buy_get") {
    const off = Number(coupon.discount_value) === 100 ? "free" : `${Number(coupon.discount_value)}% off`
    return `Buy ${coupon.buy_quantity ?? "?"}, get ${coupon.get_quantity ?? "?"} ${off}`
  }
  if (coupon.discount_type === "percentage") {
    return `${Number(coupon.discount_value)}% off`
  }
  return `${formatPerCurrency(coupon.amounts, coupon.currency_code) ?? formatMoney(Number(coupon.discount_value), coupon.currency_code ?? "usd")} off`
}

export const formatDate = (value: string | null) =>
  value ? new Date(value).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" }) : "—"

/** A coupon's dates as a sentence: "Always", "From …", "Until …" or "… → …". */
export const validityOf = (coupon: Pick<AdminCoupon, "starts_at" | "ends_at">) => {
  if (!coupon.starts_at && !coupon.ends_at) {
    return "Always"
  }
  if (!coupon.ends_at) {
    return `From ${formatDate(coupon.starts_at)}`
  }
  if (!coupon.starts_at) {
    return `Until ${formatDate(coupon.ends_at)}`
  }
  return `${formatDate(coupon.starts_at)} → ${formatDate(coupon.ends_at)}`
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

const KIND_NAMES: Record<string, [string, string]> = {
  product_ids: ["product", "products"],
  collection_ids: ["collection", "collections"],
  category_ids: ["category", "categories"],
  type_ids: ["product type", "product types"],
}

/** "2 products", "1 collection and 3 categories"; null when the selector names nothing. */
export const formatSelector = (selector: ItemSelector | null | undefined): string | null => {
  const parts = Object.entries(selector ?? {})
    .filter(([key, ids]) => KIND_NAMES[key] && ids?.length)
    .map(([key, ids]) => `${ids!.length} ${KIND_NAMES[key][ids!.length === 1 ? 0 : 1]}`)
  return parts.length ? parts.join(" and ") : null
}

const CLASS_NAMES = { order: "order", product: "product", shipping: "shipping" } as const

/** "Order and shipping discounts", "Nothing (used alone)" or "Every discount". */
export const formatCombinesWith = (coupon: Pick<AdminCoupon, "combinable" | "combines_with">) => {
  const kinds = (Object.keys(CLASS_NAMES) as (keyof typeof CLASS_NAMES)[]).filter((kind) => combinesWithOf(coupon)[kind])
  if (!kinds.length) {
    return "Nothing (used alone)"
  }
  if (kinds.length === 3) {
    return "Every discount"
  }
  const names = kinds.map((kind) => CLASS_NAMES[kind])
  const text = names.length === 2 ? `${names[0]} and ${names[1]}` : names[0]
  return `${text[0].toUpperCase()}${text.slice(1)} discounts`
}
