export type CouponStatus = "draft" | "active" | "inactive" | "archived"
export type DiscountType = "percentage" | "fixed" | "free_shipping"

export type AdminCoupon = {
  id: string
  name: string
  description: string | null
  status: CouponStatus
  discount_type: DiscountType
  discount_value: number
  currency_code: string | null
  max_discount_amount: number | null
  target: "order" | "items" | "shipping"
  starts_at: string | null
  ends_at: string | null
  usage_limit: number | null
  usage_count: number
  usage_limit_per_customer: number | null
  min_subtotal: number | null
  allowed_email_domains: string[]
  sales_channel_ids: string[]
  combinable: boolean
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

export type AdminCouponList = { coupons: AdminCoupon[]; count: number; offset: number; limit: number }
