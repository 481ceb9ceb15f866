import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type BackingPromotion = { id: string; code: string; coupon_id: string }

// A coupon keeps its backing promotion for life (created together, never
// swapped), so the pairs found are remembered, bounded, and every instance
// may keep its own copy: the checkout path then skips the link query.
// Misses are never remembered: a code that is no coupon's may be anything.
const REMEMBERED = 10_000
const byCoupon = new Map<string, BackingPromotion>()
const byCode = new Map<string, BackingPromotion>()

const remember = (promotions: BackingPromotion[]) => {
  if (byCoupon.size + promotions.length > REMEMBERED) {
    byCoupon.clear()
    byCode.clear()
  }
  for (const promotion of promotions) {
    byCoupon.set(promotion.coupon_id, promotion)
    byCode.set(promotion.code, promotion)
  }
}

/** The remembered promotions under `keys`, after fetching (and remembering) the ones not yet known. */
const recall = async (
  keys: string[],
  known: Map<string, BackingPromotion>,
  fetch: (missing: string[]) => Promise<BackingPromotion[]>
): Promise<BackingPromotion[]> => {
  const missing = keys.filter((key) => !known.has(key))
  if (missing.length) {
    remember(await fetch(missing))
  }
  return keys.flatMap((key) => (known.has(key) ? [known.get(key)!] : []))
}

/** Backing promotions of the given coupons, through the coupon ↔ promotion link. */
export const findBackingPromotions = (container: MedusaContainer, couponIds: string[]): Promise<BackingPromotion[]> =>
  recall(couponIds, byCoupon, async (missing) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "coupon",
      fields: ["id", "promotion.id", "promotion.code"],
      filters: { id: missing },
      withDeleted: true,
    })
    return (data as { id: string; promotion?: { id: string; code: string } | null }[])
      .filter((coupon) => coupon.promotion)
      .map((coupon) => ({ id: coupon.promotion!.id, code: coupon.promotion!.code, coupon_id: coupon.id }))
  })

/** Which of these promotion codes belong to coupons (and to which). */
export const findCouponsOfPromotionCodes = (container: MedusaContainer, promotionCodes: string[]): Promise<BackingPromotion[]> =>
  recall(promotionCodes, byCode, async (missing) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "promotion",
      fields: ["id", "code", "coupon.id"],
      filters: { code: missing },
    })
    return (data as { id: string; code: string; coupon?: { id: string } | null }[])
      .filter((promotion) => promotion.coupon)
      .map((promotion) => ({ id: promotion.id, code: promotion.code, coupon_id: promotion.coupon!.id }))
  })
