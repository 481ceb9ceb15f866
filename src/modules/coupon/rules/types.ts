import type { CombinesWith, DiscountClass } from "../utils/combinations"
import type { UsagePeriod } from "../utils/period"
import type { CouponReason } from "./reasons"

type DateLike = Date | string | null | undefined

/** Names lines by product, collection, category or product type (see ITEM_SELECTOR_KEYS). */
export type ItemSelector = {
  product_ids?: string[]
  collection_ids?: string[]
  category_ids?: string[]
  type_ids?: string[]
}

export type CouponSnapshot = {
  id: string
  name?: string
  status: "draft" | "active" | "inactive" | "archived"
  discount_type: "percentage" | "fixed" | "free_shipping" | "buy_get"
  discount_value?: number | string | null
  currency_code?: string | null
  /** a fixed discount per currency (see currency-values.ts) */
  amounts?: Record<string, number> | null
  /** cap of a percentage discount, in currency_code */
  max_discount_amount?: number | string | null
  max_discount_amounts?: Record<string, number> | null
  starts_at?: DateLike
  ends_at?: DateLike
  usage_limit?: number | null
  /** usage_limit counts per day, week or month; null: in total */
  usage_limit_period?: UsagePeriod | null
  usage_count: number
  usage_limit_per_customer?: number | null
  usage_limit_per_customer_period?: UsagePeriod | null
  min_subtotal?: number | null
  min_subtotals?: Record<string, number> | null
  allowed_email_domains?: string[] | null
  sales_channel_ids?: string[] | null
  region_ids?: string[] | null
  currency_codes?: string[] | null
  combinable: boolean
  /** the classes it stacks with; null follows combinable (see combinations.ts) */
  combines_with?: Partial<CombinesWith> | null
  target?: "order" | "items" | "shipping"
  deleted_at?: DateLike
  targets?: ItemSelector | null
  excluded_targets?: ItemSelector | null
  buy_targets?: ItemSelector | null
  buy_quantity?: number | null
  get_quantity?: number | null
  shipping_option_ids?: string[] | null
  customer_group_ids?: string[] | null
  first_order_only?: boolean
  requires_login?: boolean
  min_quantity?: number | null
  min_matching_subtotal?: number | null
  /** total discount allowed per currency */
  budget_limits?: Record<string, number> | null
}

export type CodeSnapshot = {
  id: string
  code: string
  status: "active" | "disabled"
  usage_limit?: number | null
  usage_count: number
  expires_at?: DateLike
  deleted_at?: DateLike
  assigned_email?: string | null
  assigned_customer_id?: string | null
}

export type CartItemSnapshot = {
  id: string
  quantity: number
  /** the line's subtotal before discounts */
  subtotal: number
  product_id?: string | null
  collection_id?: string | null
  category_ids?: string[]
  type_id?: string | null
}

export type AppliedCouponCode = {
  code: string
  coupon_id: string
  combinable: boolean
  /** what its coupon discounts, and the classes it stacks with (see combinations.ts); absent: an order discount, as combinable says */
  discount_class?: DiscountClass
  combines_with?: CombinesWith
}

/**
 * The parts of a cart a rule can read. `cart` is the cart's own columns
 * (email, currency, region, sales channel, customer, the codes on it), always
 * loaded with the cart; each other part costs the loader more queries.
 */
export const CART_PARTS = ["cart", "subtotal", "items", "item_subtotals", "shipping_methods", "customer"] as const
export type CartPart = (typeof CART_PARTS)[number]

export type CartSnapshot = {
  /** the parts the loader loaded: a rule whose declared part is missing is a loader error, never a pass */
  loaded: CartPart[]
  id?: string
  /** item subtotal before discounts, in the cart's currency (major units, as Medusa totals are) */
  subtotal: number
  currency_code: string
  sales_channel_id?: string | null
  region_id?: string | null
  email?: string | null
  customer_id?: string | null
  /** coupon codes already on the cart, this one excluded */
  applied: AppliedCouponCode[]
  /**
   * Medusa's own promotions on the cart this coupon clashes with (it does not
   * combine with their class): codes typed on Medusa's routes, and automatic
   * ones when the option combine_with_automatic_promotions is false; loaded
   * only for a coupon that does not combine with every class
   */
  other_promotions?: string[]
  /** Medusa's own promotion codes typed on the cart (automatic ones aside); loaded only with max_codes_per_cart */
  native_codes?: string[]
  items?: CartItemSnapshot[]
  /** shipping options of the chosen shipping methods */
  shipping_option_ids?: string[]
  customer_group_ids?: string[]
  /** a registered customer is logged in (not a guest) */
  has_account?: boolean
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
  /** earlier non-canceled orders of this customer or email; null when not looked up (no first-order rule, or nobody known) */
  previous_order_count?: number | null
  /** discount already given in the cart's currency, when the coupon has a budget for it */
  budget_used?: number | null
  /** the store's most codes on one cart (option max_codes_per_cart); null or absent: no limit */
  max_codes_per_cart?: number | null
  /** the cart holding a live reservation of this single-use code; null: none, or not a reserved kind of code */
  reserved_by?: string | null
  /** this period's counts of a coupon with periodic caps, on the store's calendar; null: no periodic cap */
  period_usage?: PeriodUsageSnapshot | null
}

export type PeriodUsageSnapshot = {
  time_zone: string
  /** redemptions of the coupon in the current usage_limit_period */
  coupon?: { count: number; resets_at: Date }
  /** the shopper's redemptions in the current usage_limit_per_customer_period (0 for a shopper nobody knows yet) */
  customer?: { count: number; resets_at: Date }
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
  /**
   * The parts of the cart this rule reads for this coupon; the loader builds
   * the cart query from these declarations. Empty: the rule reads no cart.
   * Without a cart (validate with no cart_id) a rule that reads one is
   * deferred to apply and completion, and validate lists it as still to come.
   */
  reads: (coupon: CouponSnapshot) => CartPart[]
  /** true when the code passes this rule */
  check: (context: FoundContext) => boolean
  message: (context: FoundContext) => string
}

export type EligibilityResult =
  | { eligible: true; /** reasons of the rules deferred for want of a cart */ pending: string[] }
  | { eligible: false; reason: CouponRule["reason"]; message: string }
