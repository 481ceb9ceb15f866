import type { CreatePromotionDTO } from "@medusajs/framework/types"
import { CHARSETS } from "../../modules/coupon/codes/charsets"
import { generateCode } from "../../modules/coupon/codes/generate"

type CouponDiscount = {
  status: string
  discount_type: "percentage" | "fixed" | "free_shipping"
  discount_value: number | string
  currency_code?: string | null
  target: "order" | "items" | "shipping"
  metadata?: Record<string, unknown> | null
}

/**
 * The backing promotion's code is internal and unguessable (32 random
 * characters): shoppers only ever type coupon codes, and a backing code
 * pasted into Medusa's native promotion route is refused unless the cart
 * holds a valid code of that coupon.
 */
export const newBackingPromotionCode = (): string =>
  `CPN-${generateCode([...Array(32)].map(() => ({ alphabet: CHARSETS.unambiguous })))}`

export const isBackingPromotionCode = (code: string): boolean => /^CPN-[A-Z0-9]{32}$/.test(code)

const targetType = (coupon: CouponDiscount) => {
  if (coupon.discount_type === "free_shipping" || coupon.target === "shipping") {
    return "shipping_methods" as const
  }
  return coupon.target === "items" ? ("items" as const) : ("order" as const)
}

/** The native application method that carries a coupon's money. */
export const applicationMethodFor = (coupon: CouponDiscount) => {
  const target_type = targetType(coupon)
  // always "across": Medusa requires a max_quantity for "each" (and "once"),
  // which would cap how many units are discounted. A percentage "across" takes
  // that percentage of every targeted line or shipping method, the same money
  // as "each" without a quantity cap; a fixed amount is spread over the lines.
  if (coupon.discount_type === "free_shipping") {
    return { type: "percentage" as const, target_type, allocation: "across" as const, value: 100 }
  }
  const fixed = coupon.discount_type === "fixed"
  return {
    type: fixed ? ("fixed" as const) : ("percentage" as const),
    target_type,
    allocation: "across" as const,
    value: Number(coupon.discount_value),
    ...(fixed ? { currency_code: coupon.currency_code!.toLowerCase() } : {}),
  }
}

export const promotionStatusFor = (couponStatus: string) =>
  couponStatus === "active" ? ("active" as const) : ("inactive" as const)

export const backingPromotionData = (
  coupon: CouponDiscount & { id?: string },
  code: string
): CreatePromotionDTO => ({
  code,
  type: "standard",
  status: promotionStatusFor(coupon.status),
  is_automatic: false,
  application_method: applicationMethodFor(coupon),
  metadata: { coupon_backing: true },
})
