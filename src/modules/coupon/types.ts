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

export type CustomerKeyInput = { customer_id?: string | null; email?: string | null }
