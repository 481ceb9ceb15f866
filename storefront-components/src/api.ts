import type { CouponCart, CouponValidation, CouponsSdk } from "./types"

/** Medusa only returns the applied codes when asked for them. */
export const CART_COUPON_FIELDS = "+coupon_codes.id,+coupon_codes.code"

/** Extra request headers: on a server, the shopper's auth (`authorization: Bearer …`). */
export type RequestHeaders = Record<string, string>

export const retrieveCart = async (sdk: CouponsSdk, cartId: string, headers?: RequestHeaders): Promise<CouponCart> => {
  const { cart } = await sdk.client.fetch<{ cart: CouponCart }>(`/store/carts/${encodeURIComponent(cartId)}`, {
    method: "GET",
    query: { fields: CART_COUPON_FIELDS },
    ...(headers && { headers }),
  })
  return cart
}

export const applyCoupon = async (sdk: CouponsSdk, cartId: string, code: string, headers?: RequestHeaders): Promise<CouponCart> => {
  const { cart } = await sdk.client.fetch<{ cart: CouponCart }>(`/store/carts/${encodeURIComponent(cartId)}/coupons`, {
    method: "POST",
    body: { code },
    ...(headers && { headers }),
  })
  return cart
}

export const removeCoupon = async (sdk: CouponsSdk, cartId: string, code: string, headers?: RequestHeaders): Promise<CouponCart> => {
  const { cart } = await sdk.client.fetch<{ cart: CouponCart }>(
    `/store/carts/${encodeURIComponent(cartId)}/coupons/${encodeURIComponent(code)}`,
    { method: "DELETE", ...(headers && { headers }) }
  )
  return cart
}

/**
 * Medusa's own removal (`DELETE /store/carts/:id/promotions`), which the
 * plugin extends to coupon codes: one call for any code a cart shows, a
 * coupon code (also masked, `****1234`) or a native promotion code.
 */
export const removePromotionCode = async (sdk: CouponsSdk, cartId: string, code: string, headers?: RequestHeaders): Promise<CouponCart> => {
  const { cart } = await sdk.client.fetch<{ cart: CouponCart }>(`/store/carts/${encodeURIComponent(cartId)}/promotions`, {
    method: "DELETE",
    body: { promo_codes: [code] },
    query: { fields: CART_COUPON_FIELDS },
    ...(headers && { headers }),
  })
  return cart
}

export const validateCoupon = (
  sdk: CouponsSdk,
  code: string,
  cartId?: string | null,
  headers?: RequestHeaders
): Promise<CouponValidation> =>
  sdk.client.fetch<CouponValidation>("/store/coupons/validate", {
    method: "POST",
    body: cartId ? { code, cart_id: cartId } : { code },
    ...(headers && { headers }),
  })
