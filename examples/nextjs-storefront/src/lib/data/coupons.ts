"use server"

// The plugin's server actions (medusa-plugin-coupons-storefront/next) on the
// starter's own pieces: its server-side SDK, the shopper's auth headers, the
// cart id cookie, and its "carts" cache tag revalidated after a change.
import { sdk } from "@lib/config"
import { createCouponActions } from "medusa-plugin-coupons-storefront/next"
import { revalidateTag } from "next/cache"
import { getAuthHeaders, getCacheTag, getCartId } from "./cookies"

const coupons = createCouponActions({
  sdk,
  headers: getAuthHeaders,
  cartId: getCartId,
  revalidate: async () => revalidateTag(await getCacheTag("carts")),
})

export const applyCoupon = async (code: string) => coupons.applyCoupon(code)
export const removeCoupon = async (code: string) => coupons.removeCoupon(code)
export const validateCoupon = async (code: string) => coupons.validateCoupon(code)
