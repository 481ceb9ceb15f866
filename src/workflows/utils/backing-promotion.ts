import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BACKING_CODE_PREFIX, backingCodeOf, currencyPromotionCode, taxInclusiveTwinCode } from "./promotion-data"

/** One of a coupon's promotions: the backing one (`tax_inclusive` false) or its tax-inclusive twin. */
export type BackingPromotion = { id: string; code: string; coupon_id: string; tax_inclusive: boolean }

/** A promotion code that is one of a coupon's: its backing promotion's, its twin's or a currency pair's. */
export type PromotionOfCoupon = { code: string; coupon_id: string }

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

/** Which of these promotion codes belong to coupons (and to which): backing promotions, their twins and currency pairs. */
export const findCouponsOfPromotionCodes = async (container: MedusaContainer, promotionCodes: string[]): Promise<PromotionOfCoupon[]> => {
  const couponIds = await couponsOfBackingCodes(container, [...new Set(promotionCodes.map(backingCodeOf))])
  if (!couponIds.length) {
    return []
  }
  const promotions = await findBackingPromotions(container, couponIds)
  return promotionCodes.flatMap((code) => {
    const backing = promotions.find((promotion) => !promotion.tax_inclusive && promotion.code === backingCodeOf(code))
    return backing ? [{ code, coupon_id: backing.coupon_id }] : []
  })
}

/** The backing promotion's and its twin's codes of one coupon among `promotions`. */
export const promotionCodesOfCoupon = (promotions: BackingPromotion[], couponId: string): string[] =>
  promotions.filter((promotion) => promotion.coupon_id === couponId).map((promotion) => promotion.code)

/** The codes among `codes` (on a cart, on an order's adjustments) that are one coupon's promotions. */
export const codesOfCouponAmong = (promotions: BackingPromotion[], couponId: string, codes: Iterable<string>): string[] => {
  const backing = promotions.find((promotion) => promotion.coupon_id === couponId && !promotion.tax_inclusive)
  return backing ? [...new Set(codes)].filter((code) => backingCodeOf(code) === backing.code) : []
}

/**
 * The promotion codes a cart is offered for a coupon: the backing one and its
 * twin (Medusa's engine keeps the one whose tax rule fits the cart's prices),
 * or the pair of `pairCurrency` (see pairCurrencyOf) when the cart's currency
 * has its own.
 */
export const offeredPromotionCodes = (promotions: BackingPromotion[], couponId: string, pairCurrency: string | null): string[] => {
  const own = promotions.filter((promotion) => promotion.coupon_id === couponId)
  const backing = own.find((promotion) => !promotion.tax_inclusive)
  if (!pairCurrency || !backing) {
    return own.map((promotion) => promotion.code)
  }
  const code = currencyPromotionCode(backing.code, pairCurrency)
  return [code, taxInclusiveTwinCode(code)]
}

/**
 * Every promotion of the given coupons' backing codes, currency pairs too
 * (those of currencies a coupon no longer has stay, inactive): by code, as
 * each pair is named after its coupon's backing code.
 */
export const findAllCouponPromotions = async (
  container: MedusaContainer,
  backingCodes: string[]
): Promise<{ id: string; code: string; status?: string | null }[]> => {
  if (!backingCodes.length) {
    return []
  }
  const wanted = new Set(backingCodes)
  const promotions = await container
    .resolve(Modules.PROMOTION)
    .listPromotions({ $or: backingCodes.map((code) => ({ code: { $like: `${code}%` } })) } as never, {
      select: ["id", "code", "status"],
      take: null as never,
    })
  return promotions
    .filter((promotion) => !!promotion.code && promotion.code.startsWith(BACKING_CODE_PREFIX) && wanted.has(backingCodeOf(promotion.code)))
    .map((promotion) => ({ id: promotion.id, code: promotion.code!, status: promotion.status }))
}
