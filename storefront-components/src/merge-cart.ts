import type { CouponCart } from "./types"

type Line = { id: string }

const mergeLines = <T extends Line>(previous: T[] | null | undefined, next: T[] | null | undefined) => {
  if (!next || !previous) {
    return next
  }
  const before = new Map(previous.map((line) => [line.id, line]))
  return next.map((line) => ({ ...before.get(line.id), ...line }))
}

const updatedAt = (cart: CouponCart) => {
  const value = cart.updated_at
  return typeof value === "string" || value instanceof Date ? new Date(value).getTime() : Number.NaN
}

/**
 * A cart older than the one shown (Medusa's `updated_at`): a page rendered
 * before the last apply or remove passing its cart in again, or an answer
 * overtaken by a later one. Carts without the field are never older.
 */
export const isOlderCart = (next: CouponCart, shown: CouponCart | null | undefined): boolean =>
  !!shown && shown.id === next.id && updatedAt(next) < updatedAt(shown)

/**
 * The coupon routes answer with the cart's totals, lines, promotions and
 * codes, not every relation a storefront loaded (addresses, region, product
 * details): keep what the answer leaves out. The page's own cart may name
 * its codes only through `promotions`: then those are the codes.
 */
export const mergeCart = (previous: CouponCart | null | undefined, next: CouponCart): CouponCart => {
  if (!previous || previous.id !== next.id) {
    return next
  }
  // the newest cart seen wins: its totals belong with its codes
  if (isOlderCart(next, previous)) {
    return previous
  }
  const merged: CouponCart = { ...previous, ...next }
  // the codes come from the newest cart that names them: its own list, else its promotions
  if (!Array.isArray(next.coupon_codes)) {
    merged.coupon_codes = Array.isArray(next.promotions) ? undefined : previous.coupon_codes
  }
  if ("items" in next) {
    merged.items = mergeLines(previous.items, next.items)
  }
  if ("shipping_methods" in next) {
    merged.shipping_methods = mergeLines(previous.shipping_methods, next.shipping_methods)
  }
  return merged
}
