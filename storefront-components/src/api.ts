import type { CouponCart, CouponValidation, CouponsSdk } from "./types"

/** Medusa only returns the applied codes when asked for them. */
export const CART_COUPON_FIELDS = "+coupon_codes.id,+coupon_codes.code"

export const retrieveCart = async (sdk: CouponsSdk, cartId: string): Promise<CouponCart> => {
  const { cart } = await sdk.client.fetch<{ cart: CouponCart }>(`/store/carts/${encodeURIComponent(cartId)}`, {
    method: "GET",
    query: { fields: CART_COUPON_FIELDS },
  })
  return cart
}

export const applyCoupon = async (sdk: CouponsSdk, cartId: string, code: string): Promise<CouponCart> => {
  const { cart } = await sdk.client.fetch<{ cart: CouponCart }>(
    `/store/carts/${encodeURIComponent(cartId)}/coupons`,
    { method: "POST", body: { code } }
  )
  return cart
}

export const removeCoupon = async (sdk: CouponsSdk, cartId: string, code: string): Promise<CouponCart> => {
  const { cart } = await sdk.client.fetch<{ cart: CouponCart }>(
    `/store/carts/${encodeURIComponent(cartId)}/coupons/${encodeURIComponent(code)}`,
    { method: "DELETE" }
  )
  return cart
}

export const validateCoupon = (sdk: CouponsSdk, code: string, cartId?: string | null): Promise<CouponValidation> =>
  sdk.client.fetch<CouponValidation>("/store/coupons/validate", {
    method: "POST",
    body: cartId ? { code, cart_id: cartId } : { code },
  })
