import type { MedusaContainer } from "@medusajs/framework/types"
import { PromotionActions } from "@medusajs/framework/utils"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { isCouponError } from "../../modules/coupon/errors/coupon-error"
import { validateCouponWorkflow } from "../validate-coupon"
import { COUPON_APPLY_MARK } from "./apply-mark"
import { codesOfCouponAmong, findBackingPromotions, offeredPromotionCodes } from "./backing-promotion"
import { loadCartForCoupons } from "./coupon-context"

/**
 * Medusa keeps a promotion on a cart only while it computes an adjustment, and
 * its refresh re-applies only the promotions on the cart: a code applied
 * before it could discount (empty cart, no shipping method for free shipping,
 * no matching line yet) stays linked but would never discount. After each
 * refresh, the codes still waiting are judged again (phase "recheck") and the
 * ones that pass have their backing promotion added back; Medusa's engine
 * then discounts them as soon as the cart qualifies, or leaves them waiting.
 *
 * `parentStepIdempotencyKey` is the calling step's: the caller holds the cart
 * lock (a refresh), and Medusa's workflows skip their own lock as a sub-flow.
 * Returns the promotion codes that were offered to the engine.
 */
export const attachWaitingCodes = async (
  container: MedusaContainer,
  cartId: string,
  parentStepIdempotencyKey?: string
): Promise<string[]> => {
  const cart = await loadCartForCoupons(container, cartId)
  if (!cart || cart.completed_at || !cart.coupon_codes?.length) {
    return []
  }
  const onCart = (cart.promotions ?? []).flatMap((promotion) => (promotion.code ? [promotion.code] : []))
  const couponIds = [...new Set(cart.coupon_codes.map((code) => code.coupon_id))]
  const promotions = await findBackingPromotions(container, couponIds)
  // a coupon waits while none of its promotions (backing, twin, a currency's pair) is on the cart
  const waiting = couponIds.filter(
    (id) => promotions.some((promotion) => promotion.coupon_id === id) && !codesOfCouponAmong(promotions, id, onCart).length
  )
  const offered: string[] = []
  for (const couponId of waiting) {
    const code = cart.coupon_codes.find((candidate) => candidate.coupon_id === couponId)!
    try {
      const { result } = await validateCouponWorkflow(container).run({
        input: { code: code.code, code_id: code.id, cart_id: cartId, phase: "recheck" },
      })
      offered.push(...offeredPromotionCodes(promotions, couponId, result.pair_currency))
    } catch (error) {
      // a code the rules refuse now is not offered; the cart.updated recheck removes it
      if (!isCouponError(error)) {
        throw error
      }
    }
  }
  if (offered.length) {
    await updateCartPromotionsWorkflow(container).run({
      input: { cart_id: cartId, promo_codes: offered, action: PromotionActions.ADD, [COUPON_APPLY_MARK]: true } as never,
      context: parentStepIdempotencyKey ? { parentStepIdempotencyKey } : undefined,
    })
  }
  return offered
}
