import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type BackingPromotion = { id: string; code: string; coupon_id: string }

/** Backing promotions of the given coupons, through the coupon ↔ promotion link. */
export const findBackingPromotions = async (
  container: MedusaContainer,
  couponIds: string[]
): Promise<BackingPromotion[]> => {
  if (!couponIds.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "coupon",
    fields: ["id", "promotion.id", "promotion.code"],
    filters: { id: couponIds },
    withDeleted: true,
  })
  return (data as { id: string; promotion?: { id: string; code: string } | null }[])
    .filter((coupon) => coupon.promotion)
    .map((coupon) => ({ id: coupon.promotion!.id, code: coupon.promotion!.code, coupon_id: coupon.id }))
}

/** Which of these promotion codes belong to coupons (and to which). */
export const findCouponsOfPromotionCodes = async (
  container: MedusaContainer,
  promotionCodes: string[]
): Promise<BackingPromotion[]> => {
  if (!promotionCodes.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "promotion",
    fields: ["id", "code", "coupon.id"],
    filters: { code: promotionCodes },
  })
  return (data as { id: string; code: string; coupon?: { id: string } | null }[])
    .filter((promotion) => promotion.coupon)
    .map((promotion) => ({ id: promotion.id, code: promotion.code, coupon_id: promotion.coupon!.id }))
}
