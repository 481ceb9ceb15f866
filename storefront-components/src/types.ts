/**
 * The slice of `@medusajs/js-sdk` these components use: `sdk.client.fetch`.
 * A real `new Medusa({ baseUrl, publishableKey })` fits it, and so does a
 * test double.
 */
export interface CouponsSdk {
  client: {
    fetch<T>(input: string, init?: { method?: string; body?: Record<string, unknown>; query?: Record<string, unknown> }): Promise<T>
  }
}

/** Stable reason codes sent by the store API (anything else falls back to the server's message). */
export type CouponServerReason =
  | "not_found"
  | "inactive"
  | "not_started"
  | "expired"
  | "usage_limit_reached"
  | "code_usage_limit_reached"
  | "customer_limit_reached"
  | "email_not_allowed"
  | "min_subtotal_not_met"
  | "sales_channel_not_allowed"
  | "currency_not_supported"
  | "not_combinable"
  | "already_applied"
  | "customer_group_not_allowed"
  | "first_order_only"
  | "login_required"
  | "min_quantity_not_met"
  | "no_matching_items"
  | "budget_exhausted"
  | "not_assigned_to_you"
  | "email_required"
  | "rate_limited"

/** Reasons decided in the browser: nothing typed, no cart yet, the request never got an answer. */
export type CouponClientReason = "empty" | "no_cart" | "network" | "unknown"

export type CouponReason = CouponServerReason | CouponClientReason | (string & {})

export type CouponAction = "load" | "apply" | "remove" | "validate"

export type CouponError = {
  reason: CouponReason
  /** The server's own message when there was one (English); components show `messages` instead. */
  message: string
  /** The normalized code the error is about. */
  code?: string
  action: CouponAction
}

export type CartAdjustment = { id?: string; code?: string | null; promotion_id?: string | null; amount?: number | string | null }

/** The cart fields these components read; a full Medusa `StoreCart` fits. */
export type CouponCart = {
  id: string
  currency_code: string
  total?: number | null
  subtotal?: number | null
  discount_total?: number | null
  discount_subtotal?: number | null
  items?: Array<{ id: string; adjustments?: CartAdjustment[] | null; [key: string]: unknown }> | null
  shipping_methods?: Array<{ id: string; adjustments?: CartAdjustment[] | null; [key: string]: unknown }> | null
  promotions?: Array<{ id: string; code?: string | null; [key: string]: unknown }> | null
  coupon_codes?: Array<{ id: string; code: string }> | null
  [key: string]: unknown
}

export type ValidatedCoupon = {
  id: string
  name: string
  description?: string | null
  discount_type: "percentage" | "fixed" | "free_shipping"
  discount_value: number
  currency_code?: string | null
  target: "order" | "items" | "shipping"
  ends_at?: string | null
  combinable: boolean
}

export type CouponValidation =
  | {
      valid: true
      code: string
      coupon: ValidatedCoupon
      discount_preview?: { amount: number; currency_code: string } | null
    }
  | { valid: false; code: string; reason: CouponReason; message: string }

export type AppliedCoupon = {
  id: string
  code: string
  /** What this code takes off the cart, in the cart's currency; null when it cannot be told apart. */
  amount: number | null
}

export type CouponOutcome = { ok: true; cart: CouponCart } | { ok: false; error: CouponError }
