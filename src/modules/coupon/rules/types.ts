import type { CouponReason } from "./reasons"

type DateLike = Date | string | null | undefined

export type CouponSnapshot = {
  id: string
  name?: string
  status: "draft" | "active" | "inactive" | "archived"
  discount_type: "percentage" | "fixed" | "free_shipping"
  currency_code?: string | null
  starts_at?: DateLike
  ends_at?: DateLike
  usage_limit?: number | null
  usage_count: number
  usage_limit_per_customer?: number | null
  min_subtotal?: number | null
  allowed_email_domains?: string[] | null
  sales_channel_ids?: string[] | null
  currency_codes?: string[] | null
  combinable: boolean
  deleted_at?: DateLike
}

export type CodeSnapshot = {
  id: string
  code: string
  status: "active" | "disabled"
  usage_limit?: number | null
  usage_count: number
  expires_at?: DateLike
  deleted_at?: DateLike
}

export type AppliedCouponCode = {
  code: string
  coupon_id: string
  combinable: boolean
}

export type CartSnapshot = {
  id?: string
  /** item subtotal before discounts, in the cart's currency (major units, as Medusa totals are) */
  subtotal: number
  currency_code: string
  sales_channel_id?: string | null
  email?: string | null
  customer_id?: string | null
  /** coupon codes already on the cart, this one excluded */
  applied: AppliedCouponCode[]
}

export type EligibilityContext = {
  now: Date
  /** "apply" when a shopper adds the code; "recheck" after the cart changed (the code is already on it); "complete" at order placement, where nothing may be unknown */
  phase: "validate" | "apply" | "recheck" | "complete"
  code: CodeSnapshot | null
  coupon: CouponSnapshot | null
  cart: CartSnapshot | null
  /** redemptions already counted for this cart's customer / email */
  customer_usage_count: number
}

/** A context in which the code and its coupon were found. */
export type FoundContext = EligibilityContext & {
  code: CodeSnapshot
  coupon: CouponSnapshot
}

export type CouponRule = {
  /** unique name, so that options can replace or remove a rule */
  name: string
  reason: CouponReason | (string & {})
  /** true when the code passes this rule */
  check: (context: FoundContext) => boolean
  message: (context: FoundContext) => string
}

export type EligibilityResult =
  | { eligible: true }
  | { eligible: false; reason: CouponRule["reason"]; message: string }
