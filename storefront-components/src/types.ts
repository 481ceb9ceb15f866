/**
 * The slice of `@medusajs/js-sdk` these components use: `sdk.client.fetch`.
 * A real `new Medusa({ baseUrl, publishableKey })` fits it, and so does a
 * test double.
 */
export interface CouponsSdk {
  client: {
    fetch<T>(
      input: string,
      init?: { method?: string; body?: Record<string, unknown>; query?: Record<string, unknown>; headers?: Record<string, string> }
    ): Promise<T>
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
  | "region_not_allowed"
  | "code_reserved"
  | "period_limit_reached"
  | "invalid_code"
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

type CartLine = { id: string; adjustments?: CartAdjustment[] | null }

/**
 * The cart fields these components read. A `StoreCart` of `@medusajs/types`
 * 2.12 to 2.21 fits (no index signature: interfaces would not be assignable),
 * and so does the plain JSON a store route answers with.
 */
export type CouponCart = {
  id: string
  currency_code: string
  updated_at?: string | Date | null
  total?: number | null
  subtotal?: number | null
  item_subtotal?: number | null
  shipping_total?: number | null
  tax_total?: number | null
  discount_total?: number | null
  discount_subtotal?: number | null
  items?: CartLine[] | null
  shipping_methods?: CartLine[] | null
  promotions?: Array<{ id: string; code?: string | null; is_automatic?: boolean | null }> | null
  /** Only when the page asked for them (`+coupon_codes.id,+coupon_codes.code`); with the plugin's state per code. */
  coupon_codes?: Array<{ id: string; code: string; state?: string | null }> | null
}

export type ValidatedCoupon = {
  id: string
  name: string
  description?: string | null
  discount_type: "percentage" | "fixed" | "free_shipping" | "buy_get"
  /** a fixed amount is the cart's currency's when validated with a cart (see `amounts`) */
  discount_value: number
  currency_code?: string | null
  /** a fixed discount per currency, when the coupon has one */
  amounts?: Record<string, number> | null
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

/**
 * What a server action answers (see `medusa-plugin-coupons-storefront/next`):
 * plain JSON, so it crosses the server-action boundary. `error.code` is the
 * refusal reason (a `CouponReason`).
 */
export type CouponActionResult = { ok: true; cart: CouponCart } | { ok: false; error: { code: CouponReason; message: string } }

/**
 * Server actions the components call instead of a browser SDK, so the
 * requests carry the shopper's httpOnly auth cookie server-side. The cart is
 * the one the server knows (the storefront's cart cookie).
 */
export type CouponActions = {
  applyCoupon: (code: string) => Promise<CouponActionResult>
  removeCoupon: (code: string) => Promise<CouponActionResult>
  validateCoupon?: (code: string) => Promise<CouponValidation>
}
