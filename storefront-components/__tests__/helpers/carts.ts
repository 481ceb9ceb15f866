import type { CouponCart } from "../../src/types"

export const CART_ID = "cart_01"
export const CART_PATH = `/store/carts/${CART_ID}`
export const COUPONS_PATH = `${CART_PATH}/coupons`
export const VALIDATE_PATH = "/store/coupons/validate"

/** Backing promotion codes look like the server's: CPN- and 32 characters. */
export const backing = (letter: string) => `CPN-${letter.repeat(32)}`

type Applied = { code: string; promotion: string; adjustment: number }

/**
 * A cart as the store returns it: one Jacket (100) and shipping, each applied
 * code with its backing promotion and an item adjustment (before tax), and a
 * discount total that includes 10% tax on the adjustments.
 */
export const makeCart = (applied: Applied[] = [], overrides: Partial<CouponCart> & Record<string, unknown> = {}): CouponCart => {
  const adjustmentTotal = applied.reduce((sum, entry) => sum + entry.adjustment, 0)
  const discount = Math.round(adjustmentTotal * 1.1 * 100) / 100
  // a line with more fields than a CouponCart names, as the store sends it
  const jacket = {
    id: "item_jacket",
    title: "Jacket",
    adjustments: applied.map((entry, index) => ({
      id: `adj_${index}`,
      code: entry.promotion,
      promotion_id: `promo_${entry.promotion.slice(-1)}`,
      amount: entry.adjustment,
    })),
  }
  return {
    id: CART_ID,
    currency_code: "usd",
    subtotal: 110,
    total: 121 - discount,
    discount_total: discount,
    discount_subtotal: adjustmentTotal,
    items: [jacket],
    shipping_methods: [{ id: "ship_1", adjustments: [] }],
    promotions: applied.map((entry) => ({ id: `promo_${entry.promotion.slice(-1)}`, code: entry.promotion })),
    coupon_codes: applied.map((entry, index) => ({ id: `cc_${index}`, code: entry.code })),
    ...overrides,
  }
}

export const SAVE10 = { code: "SAVE10", promotion: backing("A"), adjustment: 10 }
export const FIVE = { code: "FIVE", promotion: backing("B"), adjustment: 5 }

/**
 * The cart as a storefront page fetches it from the store today (the Next.js
 * starter's fields): no `coupon_codes`, and each coupon's promotion and
 * adjustments named after the code the shopper entered (the plugin renames
 * the backing promotions in store responses).
 */
export const asPageSeesIt = (applied: Applied[], overrides: Partial<CouponCart> & Record<string, unknown> = {}): CouponCart => {
  const { coupon_codes: _codes, ...cart } = makeCart(applied, overrides)
  const named = (code?: string | null) => applied.find((entry) => entry.promotion === code)?.code ?? code
  return {
    ...cart,
    items: cart.items?.map((item) => ({
      ...item,
      adjustments: item.adjustments?.map((adjustment) => ({ ...adjustment, code: named(adjustment.code) })),
    })),
    promotions: cart.promotions?.map((promotion) => ({ ...promotion, code: named(promotion.code), is_automatic: false })),
  }
}
