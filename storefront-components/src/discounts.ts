import type { CartAdjustment, CouponCart } from "./types"

/** Each coupon is backed by a Medusa promotion with an internal code like this one. */
const BACKING_PROMOTION = /^CPN-[A-Z0-9]{32}$/

export type PromotionsByCode = Record<string, string[]>

const amountOf = (adjustment: CartAdjustment) => Number(adjustment.amount ?? 0) || 0

const adjustmentsOf = (cart: CouponCart): CartAdjustment[] | null => {
  const lines = [...(cart.items ?? []), ...(cart.shipping_methods ?? [])]
  if (!lines.some((line) => Array.isArray(line.adjustments))) {
    return null
  }
  const byId = new Map((cart.promotions ?? []).map((promotion) => [promotion.id, promotion.code]))
  // shipping adjustments carry the promotion's code, item adjustments its id too
  return lines.flatMap((line) =>
    (line.adjustments ?? []).map((adjustment) => ({
      ...adjustment,
      code: adjustment.code ?? (adjustment.promotion_id ? byId.get(adjustment.promotion_id) : null) ?? null,
    }))
  )
}

/** The promotion codes on the cart: its promotions, else those its adjustments name. */
export const promotionCodesOf = (cart: CouponCart | null | undefined): string[] => {
  if (!cart) {
    return []
  }
  const codes = cart.promotions
    ? cart.promotions.map((promotion) => promotion.code)
    : (adjustmentsOf(cart) ?? []).map((adjustment) => adjustment.code)
  return [...new Set(codes.filter((code): code is string => !!code))]
}

/** The promotions an apply added: these belong to the applied code. */
export const addedPromotions = (before: CouponCart | null | undefined, after: CouponCart): string[] => {
  const previous = new Set(promotionCodesOf(before))
  const added = promotionCodesOf(after).filter((code) => !previous.has(code))
  const backing = added.filter((code) => BACKING_PROMOTION.test(code))
  return backing.length ? backing : added
}

/**
 * Which promotions belong to which applied code: the promotion named after
 * the code (the plugin shows a coupon's promotion under the shopper's code),
 * else those learned when the code was applied and, when a single code is
 * left unaccounted for, the coupon promotions no other code claims (servers
 * that still show the internal `CPN-` codes).
 */
export const resolvePromotions = (cart: CouponCart, codes: string[], learned: PromotionsByCode): PromotionsByCode => {
  const onCart = promotionCodesOf(cart)
  const resolved: PromotionsByCode = {}
  const unknown: string[] = []
  for (const code of codes) {
    const promotions = onCart.includes(code) ? [code] : (learned[code] ?? []).filter((promotion) => onCart.includes(promotion))
    if (promotions.length) {
      resolved[code] = promotions
    } else {
      unknown.push(code)
    }
  }
  if (unknown.length === 1) {
    const claimed = new Set(Object.values(resolved).flat())
    const rest = onCart.filter((promotion) => BACKING_PROMOTION.test(promotion) && !claimed.has(promotion))
    if (rest.length) {
      resolved[unknown[0]] = rest
    }
  }
  return resolved
}

/**
 * What one applied code takes off the cart. Adjustments are amounts before
 * tax, so the code's share of them is scaled to the cart's discount total
 * (which includes the tax on the discount). With a single code and no
 * adjustments to go by, the cart's discount is the code's.
 */
export const discountForCode = (cart: CouponCart, code: string, codes: string[], promotions: PromotionsByCode): number | null => {
  const adjustments = adjustmentsOf(cart)
  const own = promotions[code]
  const total = Number(cart.discount_total ?? 0) || 0
  if (adjustments && own) {
    const mine = adjustments.filter((a) => a.code && own.includes(a.code)).reduce((sum, a) => sum + amountOf(a), 0)
    const all = adjustments.reduce((sum, a) => sum + amountOf(a), 0)
    return all > 0 && total > 0 ? (mine / all) * total : mine
  }
  if (codes.length === 1 && cart.discount_total !== undefined && cart.discount_total !== null) {
    return total
  }
  return null
}
