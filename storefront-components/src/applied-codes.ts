import type { CouponCart } from "./types"

export type CartCode = { id: string; code: string }

/**
 * The codes on a cart, read from the cart itself: its `coupon_codes` when the
 * page asked for them (they include codes waiting for a condition), else its
 * promotions' codes (the plugin names a coupon's promotion after the code the
 * shopper entered; automatic promotions are nobody's code). Null when the cart
 * holds neither, and only a request could tell.
 */
export const appliedCodesOf = (cart: CouponCart | null | undefined): CartCode[] | null => {
  if (!cart) {
    return []
  }
  if (Array.isArray(cart.coupon_codes)) {
    return cart.coupon_codes.filter((entry) => !!entry?.code).map(({ id, code }) => ({ id, code }))
  }
  if (Array.isArray(cart.promotions)) {
    return cart.promotions
      .filter((promotion) => !!promotion.code && !promotion.is_automatic)
      .map((promotion) => ({ id: promotion.id, code: promotion.code as string }))
  }
  return null
}
