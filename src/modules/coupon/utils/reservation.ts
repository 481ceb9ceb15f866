import type { CouponPluginOptions } from "../options"

/**
 * Whether applying this code reserves it for the cart: a single-use code
 * (usage_limit 1) while `reservation_minutes` is above 0. Codes that many carts
 * share are never held by one of them.
 */
export const isReservable = (code: { usage_limit?: number | null }, options: Pick<CouponPluginOptions, "reservation_minutes">): boolean =>
  options.reservation_minutes > 0 && code.usage_limit === 1
