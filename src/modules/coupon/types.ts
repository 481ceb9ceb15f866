export type RedeemCodeInput = {
  coupon_id: string
  code_id: string
  code: string
  order_id: string
  cart_id?: string | null
  customer_id?: string | null
  email?: string | null
  /** "customer:<id>" and/or "email:<address>"; each is counted against the per-customer cap */
  customer_keys: string[]
  usage_limit_per_customer: number | null
  discount_amount: number
  order_total?: number | null
  currency_code: string
  /** the shopper had no other order with the store (null: unknown) */
  first_order?: boolean | null
}

export type RevertRedemptionsInput = {
  order_id?: string
  redemption_ids?: string[]
  /** delete the rows instead of marking them reverted */
  remove?: boolean
}

export type RevertedRedemption = {
  id: string
  coupon_id: string
  coupon_code_id: string
  code: string
  order_id: string
}

/** A coupon's codes as a list shows them: how many are live, and the code when there is exactly one (masked when hashed). */
export type CouponCodeSummary = { count: number; code: string | null }

/** A redemption of an order, as the ledger adjusts it after checkout. */
export type OrderRedemptionRow = {
  id: string
  coupon_id: string
  coupon_code_id: string
  code: string
  order_id: string
  status: "redeemed" | "partially_returned" | "returned" | "reverted"
  currency_code: string
}

/** A redemption that changed: what it is now, and what it was. */
export type AdjustedRedemption = OrderRedemptionRow & {
  discount_amount: number
  returned_discount_amount: number
  refunded_amount: number
  order_total: number
  previous_status: OrderRedemptionRow["status"]
  previous_discount_amount: number
  /** this change gave the usage back */
  released_usage: boolean
}

export type CustomerKeyInput = { customer_id?: string | null; email?: string | null }

export type NewCouponCode = {
  /** normalized */
  code: string
  usage_limit?: number | null
  expires_at?: string | Date | null
  assigned_email?: string | null
  status?: "active" | "disabled"
}

export type DateRange = { gte?: Date; gt?: Date; lte?: Date; lt?: Date }

export type RedemptionFilters = {
  coupon_id?: string
  status?: string[]
  customer_id?: string[]
  email?: string
  created_at?: DateRange
}

export type CouponStatsInput = {
  /** one coupon, or the whole store when absent */
  coupon_id?: string
  /** inclusive */
  from?: Date
  /** exclusive */
  to?: Date
}

/** The money figures of one currency: net (as the orders now stand) and gross (at checkout). */
export type CurrencyStats = {
  currency_code: string
  redemptions: number
  orders: number
  /** the discount the orders keep (net of returned units) */
  discount_total: number
  /** the discount at checkout */
  discount_gross: number
  /** the orders' totals as they now stand (net of returns, edits and refund credit lines), each order once */
  revenue: number
  /** the orders' totals at checkout */
  revenue_gross: number
  /** money refunded on those orders */
  refunded_total: number
  average_order_value: number
}

export type CouponStats = {
  redemptions: number
  unique_customers: number
  /** customers whose redeeming order was their first with the store */
  new_customers: number
  /** customers who had ordered before */
  returning_customers: number
  /** the one currency of every amount below, or null when the rows hold several (read by_currency then) */
  currency_code: string | null
  /** every currency's figures, most redemptions first */
  by_currency: CurrencyStats[]
  discount_total: number
  discount_gross: number
  /** sum of order_total, each order counted once */
  revenue: number
  revenue_gross: number
  refunded_total: number
  /** orders with a known total */
  orders: number
  average_order_value: number
  codes_issued: number
  codes_redeemed: number
  redemption_rate: number
  daily: { date: string; redemptions: number; discount_total: number }[]
}

export type TopCoupon = {
  coupon_id: string
  name: string
  redemptions: number
  discount_total: number
  revenue: number
}

/** Someone a code is handed to: an email, a customer, or both. */
export type Recipient = { email?: string | null; customer_id?: string | null }

export type DistributeCodesInput = {
  coupon_id: string
  /** draw from this batch only */
  batch_id?: string | null
  customer_group_id?: string | null
  /** deduplicated; emails lower case */
  recipients: Recipient[]
  created_by?: string | null
  /** each code handed out expires this many days after the hand-out (or at its own earlier expiry) */
  valid_for_days?: number | null
}

export type CodeAssignment = {
  code_id: string
  code: string
  email: string | null
  customer_id: string | null
  /** when the code expires now (ISO), null for never */
  expires_at: string | null
}

/** A code's expiry before a distribution set it: what undoing the distribution restores. */
export type ExpiryBeforeAssignment = { code_id: string; expires_at: string | null }
