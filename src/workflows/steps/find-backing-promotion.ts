import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findBackingPromotions, offeredPromotionCodes, type BackingPromotion } from "../utils/backing-promotion"

export type FindBackingPromotionStepInput = {
  coupon_id: string
  /** the currency whose pair a cart is offered (see pairCurrencyOf); `codes` are then that pair's */
  pair_currency?: string | null
}

/** The coupon's backing promotion, its tax-inclusive twin (null for coupons created before twins) and the codes a cart is offered. */
export type FoundBackingPromotion = BackingPromotion & { twin: BackingPromotion | null; codes: string[] }

export const findBackingPromotionStepId = "find-coupon-backing-promotion"

export const findBackingPromotionStep = createStep(
  findBackingPromotionStepId,
  async ({ coupon_id, pair_currency }: FindBackingPromotionStepInput, { container }) => {
    const promotions = await findBackingPromotions(container, [coupon_id])
    const backing = promotions.find((promotion) => !promotion.tax_inclusive)
    if (!backing) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Coupon ${coupon_id} has no backing promotion`)
    }
    const twin = promotions.find((promotion) => promotion.tax_inclusive) ?? null
    return new StepResponse<FoundBackingPromotion>({
      ...backing,
      twin,
      codes: offeredPromotionCodes(promotions, coupon_id, pair_currency ?? null),
    })
  }
)
