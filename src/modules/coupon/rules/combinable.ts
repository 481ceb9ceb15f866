import type { CouponRule, FoundContext } from "./types"

// a hashed code is stored as its digest, which names nothing a shopper typed
const shown = (code: string, otherwise: string) => (code.startsWith("#") ? otherwise : code)

/** The code or promotion this code clashes with on the cart, or null. */
const clashOf = ({ cart, coupon, code }: FoundContext): string | null => {
  const others = (cart?.applied ?? []).filter((applied) => applied.code !== code.code)
  const sameCoupon = others.find((other) => other.coupon_id === coupon.id)
  if (sameCoupon) {
    return sameCoupon.code
  }
  if (!coupon.combinable) {
    return others[0]?.code ?? cart?.other_promotions?.[0] ?? null
  }
  return others.find((other) => !other.combinable)?.code ?? null
}

/**
 * Two codes may share a cart only when both coupons allow stacking; two codes
 * of one coupon never do. A coupon that is not combinable does not stack with
 * Medusa's own promotion codes either (nor with automatic promotions when the
 * store says so); combinable coupons do.
 */
export const combinableRule: CouponRule = {
  name: "combinable",
  reason: "not_combinable",
  reads: () => ["cart"],
  check: (context) => clashOf(context) === null,
  message: (context) =>
    `${shown(context.code.code, "This code")} can't be combined with ${shown(clashOf(context) ?? "", "another code in your cart")}.`,
}
