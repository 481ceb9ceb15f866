import type { MedusaContainer } from "@medusajs/framework/types"
import { PromotionActions } from "@medusajs/framework/utils"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { isCouponError } from "../../modules/coupon/errors/coupon-error"
import { validateCouponWorkflow } from "../validate-coupon"
import { COUPON_APPLY_MARK } from "./apply-mark"
import { findBackingPromotions, promotionCodesOfCoupon } from "./backing-promotion"
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
  const onCart = new Set((cart.promotions ?? []).map((promotion) => promotion.code))
  const couponIds = [...new Set(cart.coupon_codes.map((code) => code.coupon_id))]
  const promotions = await findBackingPromotions(container, couponIds)
  // a coupon waits while none of its promotions (backing or twin) is on the cart; both are offered
  const waiting = couponIds.filter((id) => {
    const codes = promotionCodesOfCoupon(promotions, id)
    return codes.length > 0 && !codes.some((code) => onCart.has(code))
  })
  const offered: string[] = []
  for (const couponId of waiting) {
    const code = cart.coupon_codes.find((candidate) => candidate.coupon_id === couponId)!
    try {
      await validateCouponWorkflow(container).run({
        input: { code: code.code, code_id: code.id, cart_id: cartId, phase: "recheck" },
      })
      offered.push(...promotionCodesOfCoupon(promotions, couponId))
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
