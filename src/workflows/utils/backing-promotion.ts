import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { backingCodeOf, taxInclusiveTwinCode } from "./promotion-data"

/** One of a coupon's promotions: the backing one (`tax_inclusive` false) or its tax-inclusive twin. */
export type BackingPromotion = { id: string; code: string; coupon_id: string; tax_inclusive: boolean }

// A coupon keeps its promotions for life (created together, never swapped),
// so the ones found are remembered, bounded, and every instance may keep its
// own copy: the checkout path then skips the link query. Misses are never
// remembered (a code that is no coupon's may be anything), nor a coupon
// created before twins existed (its twin may be created by its next edit).
const REMEMBERED = 10_000
const byCoupon = new Map<string, BackingPromotion[]>()
const byCode = new Map<string, string>()

const remember = (pairs: BackingPromotion[][]) => {
  if (byCoupon.size + pairs.length > REMEMBERED) {
    byCoupon.clear()
    byCode.clear()
  }
  for (const pair of pairs) {
    byCoupon.set(pair[0].coupon_id, pair)
    for (const promotion of pair) {
      byCode.set(promotion.code, promotion.coupon_id)
    }
  }
}

/** Each coupon's backing promotion with its twin (when it has one), from the link and the twin's code. */
const fetchPromotionsOfCoupons = async (container: MedusaContainer, couponIds: string[]): Promise<BackingPromotion[][]> => {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "coupon",
    fields: ["id", "promotion.id", "promotion.code"],
    filters: { id: couponIds },
    withDeleted: true,
  })
  const backing = (data as { id: string; promotion?: { id: string; code: string } | null }[])
    .filter((coupon) => coupon.promotion)
    .map((coupon) => ({ id: coupon.promotion!.id, code: coupon.promotion!.code, coupon_id: coupon.id, tax_inclusive: false }))
  if (!backing.length) {
    return []
  }
  const twins = await container
    .resolve(Modules.PROMOTION)
    .listPromotions({ code: backing.map((promotion) => taxInclusiveTwinCode(promotion.code)) }, { select: ["id", "code"] })
  return backing.map((promotion) => {
    const twin = twins.find((candidate) => candidate.code === taxInclusiveTwinCode(promotion.code))
    return twin ? [promotion, { id: twin.id, code: twin.code!, coupon_id: promotion.coupon_id, tax_inclusive: true }] : [promotion]
  })
}

/** The promotions of the given coupons (the backing one first, then its twin), remembered once complete. */
export const findBackingPromotions = async (container: MedusaContainer, couponIds: string[]): Promise<BackingPromotion[]> => {
  const missing = [...new Set(couponIds)].filter((id) => !byCoupon.has(id))
  const fetched = missing.length ? await fetchPromotionsOfCoupons(container, missing) : []
  remember(fetched.filter((pair) => pair.length === 2))
  const found = new Map(fetched.map((pair) => [pair[0].coupon_id, pair]))
  return [...new Set(couponIds)].flatMap((id) => byCoupon.get(id) ?? found.get(id) ?? [])
}

/** The coupons whose backing promotion has one of these codes. */
const couponsOfBackingCodes = async (container: MedusaContainer, codes: string[]): Promise<string[]> => {
  const missing = codes.filter((code) => !byCode.has(code))
  const fetched = new Map<string, string>()
  if (missing.length) {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "promotion",
      fields: ["id", "code", "coupon.id"],
      filters: { code: missing },
    })
    for (const promotion of data as { code: string; coupon?: { id: string } | null }[]) {
      if (promotion.coupon) {
        fetched.set(promotion.code, promotion.coupon.id)
      }
    }
  }
  return codes.flatMap((code) => {
    const couponId = byCode.get(code) ?? fetched.get(code)
    return couponId ? [couponId] : []
  })
}

/** Which of these promotion codes belong to coupons (and to which): backing promotions and their twins. */
export const findCouponsOfPromotionCodes = async (container: MedusaContainer, promotionCodes: string[]): Promise<BackingPromotion[]> => {
  const couponIds = await couponsOfBackingCodes(container, [...new Set(promotionCodes.map(backingCodeOf))])
  if (!couponIds.length) {
    return []
  }
  const promotions = await findBackingPromotions(container, couponIds)
  return promotionCodes.flatMap((code) => promotions.filter((promotion) => promotion.code === code))
}

/** The promotion codes of one coupon among `promotions`: what goes on a cart for it, or comes off. */
export const promotionCodesOfCoupon = (promotions: BackingPromotion[], couponId: string): string[] =>
  promotions.filter((promotion) => promotion.coupon_id === couponId).map((promotion) => promotion.code)
