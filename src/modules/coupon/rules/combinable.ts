import { combinesWithAll, combinesWithOf, combineTogether, discountClassOf } from "../utils/combinations"
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
  const own = { discount_class: discountClassOf(coupon), combines_with: combinesWithOf(coupon) }
  const clash = others.find(
    (other) =>
      !combineTogether(own, {
        discount_class: other.discount_class ?? "order",
        combines_with: other.combines_with ?? combinesWithOf(other),
      })
  )
  // Medusa's own promotions matter only to a coupon that does not combine with every class (the loader then lists the clashing ones)
  return clash?.code ?? (combinesWithAll(coupon) ? null : (cart?.other_promotions?.[0] ?? null))
}

/**
 * Two codes share a cart only when each coupon combines with the other's
 * discount class (order, product, shipping: Shopify's combinations; a
 * combinable coupon combines with every class, one that is not with none);
 * two codes of one coupon never do. Medusa's own promotion codes clash the
 * same way with a coupon that does not combine with their class (automatic
 * ones only when the store says so).
 */
export const combinableRule: CouponRule = {
  name: "combinable",
  reason: "not_combinable",
  reads: () => ["cart"],
  check: (context) => clashOf(context) === null,
  message: (context) =>
    `${shown(context.code.code, "This code")} can't be combined with ${shown(clashOf(context) ?? "", "another code in your cart")}.`,
}
