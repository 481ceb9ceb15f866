import { CART_PARTS } from "../types"
import type { AppliedCouponCode, CartSnapshot, CodeSnapshot, CouponSnapshot, EligibilityContext } from "../types"

/** A fixed "now" so that every date in the tests is relative to one instant. */
export const NOW = new Date("2025-06-15T12:00:00.000Z")

export const msFrom = (date: Date, ms: number): Date => new Date(date.getTime() + ms)

export const DAY = 24 * 60 * 60 * 1000

export const makeCoupon = (overrides: Partial<CouponSnapshot> = {}): CouponSnapshot => ({
  id: "coupon_1",
  name: "Summer sale",
  status: "active",
  discount_type: "percentage",
  currency_code: null,
  starts_at: null,
  ends_at: null,
  usage_limit: null,
  usage_count: 0,
  usage_limit_per_customer: null,
  min_subtotal: null,
  allowed_email_domains: [],
  sales_channel_ids: [],
  currency_codes: [],
  combinable: false,
  deleted_at: null,
  ...overrides,
})

export const makeCode = (overrides: Partial<CodeSnapshot> = {}): CodeSnapshot => ({
  id: "code_1",
  code: "SUMMER-10",
  status: "active",
  usage_limit: null,
  usage_count: 0,
  expires_at: null,
  deleted_at: null,
  ...overrides,
})

export const makeApplied = (overrides: Partial<AppliedCouponCode> = {}): AppliedCouponCode => ({
  code: "OTHER-1",
  coupon_id: "coupon_2",
  combinable: true,
  ...overrides,
})

export const makeCart = (overrides: Partial<CartSnapshot> = {}): CartSnapshot => ({
  // a cart the loader loaded completely; a test of the loader's refusal narrows it
  loaded: [...CART_PARTS],
  id: "cart_1",
  subtotal: 100,
  currency_code: "usd",
  sales_channel_id: "sc_web",
  email: "shopper@example.com",
  customer_id: "cus_1",
  applied: [],
  ...overrides,
})

type ContextOverrides = Omit<Partial<EligibilityContext>, "coupon" | "code" | "cart"> & {
  coupon?: Partial<CouponSnapshot> | null
  code?: Partial<CodeSnapshot> | null
  cart?: Partial<CartSnapshot> | null
}

/**
 * An eligible context by default: an active coupon without limits, an active
 * code and a cart in USD. Pass partial coupon / code / cart to change one
 * field, or null to leave it out.
 */
export const makeContext = ({ coupon, code, cart, ...rest }: ContextOverrides = {}): EligibilityContext => ({
  now: NOW,
  phase: "apply",
  customer_usage_count: 0,
  coupon: coupon === null ? null : makeCoupon(coupon),
  code: code === null ? null : makeCode(code),
  cart: cart === null ? null : makeCart(cart),
  ...rest,
})
