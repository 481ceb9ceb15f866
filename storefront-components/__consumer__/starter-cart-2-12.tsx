"use client"
// The Next.js starter's cart summary with this package's components, typed
// against the StoreCart of @medusajs/types 2.12 (type-checked by
// scripts/check-storefront-package.mjs): its cart goes in as it is.
import type { HttpTypes } from "@medusajs/types-2-12"
import { CartCoupons, CouponDiscountLine, CouponsProvider, CouponForm, AppliedCoupons, useCoupons } from "medusa-plugin-coupons-storefront"
import type { CouponActions } from "medusa-plugin-coupons-storefront/core"
import { applyCoupon, removeCoupon, validateCoupon } from "./coupon-actions"

const actions: CouponActions = { applyCoupon, removeCoupon, validateCoupon }

export const DiscountCode = ({ cart }: { cart: HttpTypes.StoreCart }) => <CartCoupons cart={cart} actions={actions} />

export const Summary = ({ cart }: { cart: HttpTypes.StoreCart & { promotions: HttpTypes.StorePromotion[] } }) => (
  <CouponsProvider cart={cart} actions={{ applyCoupon, removeCoupon }}>
    <CouponForm />
    <AppliedCoupons />
    <CouponDiscountLine cart={cart} />
  </CouponsProvider>
)

export const Codes = ({ cart }: { cart: HttpTypes.StoreCart | null }) => {
  const coupons = useCoupons({ cart, actions })
  return <span>{coupons.codes.join(", ")}</span>
}
