/** Stable reason codes: part of the public API (store responses, events, storefront messages). */
export const COUPON_REASONS = [
  "not_found",
  "inactive",
  "not_started",
  "expired",
  "usage_limit_reached",
  "code_usage_limit_reached",
  "customer_limit_reached",
  "email_not_allowed",
  "min_subtotal_not_met",
  "sales_channel_not_allowed",
  "region_not_allowed",
  "currency_not_supported",
  "not_combinable",
  "max_codes_reached",
  "already_applied",
  "customer_group_not_allowed",
  "first_order_only",
  "login_required",
  "min_quantity_not_met",
  "no_matching_items",
  "budget_exhausted",
  "not_assigned_to_you",
  "email_required",
  "code_reserved",
  "period_limit_reached",
  /** any of UNIFORM_REFUSAL_REASONS, with the `uniform_refusals` option */
  "invalid_code",
] as const

export type CouponReason = (typeof COUPON_REASONS)[number]
