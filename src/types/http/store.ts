import type { HttpTypes } from "@medusajs/framework/types"
import type { z } from "@medusajs/framework/zod"
import type { StoreApplyCoupon, StoreValidateCoupon } from "../../api/store/coupons/validators"
import type { CouponReason } from "../../modules/coupon/rules/reasons"
import type { CheckedCoupon } from "../../workflows/steps/check-coupon-eligibility"

/** A built-in reason, or one of a merchant rule (see "Your own rules" in the README). */
export type StoreCouponReason = CouponReason | (string & {})

/** `POST /store/coupons/validate` */
export type StoreValidateCouponRequest = z.input<typeof StoreValidateCoupon>
export type StoreValidatedCoupon = CheckedCoupon["coupon"]
export type StoreValidateCouponResponse =
  | {
      valid: true
      code: string
      coupon: StoreValidatedCoupon
      /** with `cart_id`: what the code takes off that cart now (null when it cannot discount yet) */
      discount_preview?: { amount: number; currency_code: string } | null
      /** without `cart_id`: the reasons of the checks left to apply and completion */
      checks_pending?: string[]
    }
  | { valid: false; code: string; reason: StoreCouponReason; message: string }

/** `POST /store/carts/:id/coupons` */
export type StoreApplyCouponRequest = z.input<typeof StoreApplyCoupon>

/** A code on a cart, with its state (readable with `fields=+coupon_codes.code`). */
export type StoreCartCouponCode = {
  id: string
  code: string
  state?: "active" | "waiting"
  reason?: StoreCouponReason
  message?: string
}

/** `POST /store/carts/:id/coupons`, `DELETE /store/carts/:id/coupons/:code` */
export type StoreCouponCartResponse = { cart: HttpTypes.StoreCart & { coupon_codes?: StoreCartCouponCode[] } }

/** A refused code: 400 (or 429 once the failed-attempt limit is reached) in Medusa's error shape. */
export type StoreCouponErrorResponse = { type: "not_allowed" | "invalid_data" | "not_found"; code: StoreCouponReason; message: string }
