import type { COUPON_STATUSES, DISCOUNT_TYPES } from "../../src/modules/coupon/constants"

export type CouponStatus = (typeof COUPON_STATUSES)[number]
export type DiscountType = (typeof DISCOUNT_TYPES)[number]

/** Lines named by one kind of id (the API takes several kinds for exclusions; the screens use one). */
export type ItemSelector = { product_ids?: string[]; collection_ids?: string[]; category_ids?: string[]; type_ids?: string[] }

export type AdminCoupon = {
  id: string
  name: string
  description: string | null
  status: CouponStatus
  discount_type: DiscountType
  discount_value: number
  currency_code: string | null
  max_discount_amount: number | null
  /** a fixed discount per currency; currency_code and discount_value then hold the primary one */
  amounts: Record<string, number> | null
  max_discount_amounts: Record<string, number> | null
  min_subtotals: Record<string, number> | null
  target: "order" | "items" | "shipping"
  starts_at: string | null
  ends_at: string | null
  usage_limit: number | null
  /** usage_limit counts per day, week or month on the store's calendar; null: in total */
  usage_limit_period: "day" | "week" | "month" | null
  usage_count: number
  /** in lists only: the live codes, and the code when there is exactly one */
  code_summary?: { count: number; code: string | null } | null
  usage_limit_per_customer: number | null
  usage_limit_per_customer_period: "day" | "week" | "month" | null
  min_subtotal: number | null
  allowed_email_domains: string[]
  sales_channel_ids: string[]
  combinable: boolean
  /** the discount classes it stacks with; null follows combinable (every class or none) */
  combines_with: { order: boolean; product: boolean; shipping: boolean } | null
  /** stacked coupons apply in this order, higher first */
  priority: number
  targets: ItemSelector | null
  excluded_targets: ItemSelector | null
  buy_targets: ItemSelector | null
  buy_quantity: number | null
  get_quantity: number | null
  max_applications: number | null
  shipping_option_ids: string[]
  customer_group_ids: string[]
  first_order_only: boolean
  requires_login: boolean
  min_quantity: number | null
  min_matching_subtotal: number | null
  budget_limits: Record<string, number> | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

export type AdminCouponList = { coupons: AdminCoupon[]; count: number; offset: number; limit: number }
