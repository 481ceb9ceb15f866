import { PromotionActions } from "@medusajs/framework/utils"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { CouponError } from "../../modules/coupon/errors/coupon-error"
import { findCouponsOfPromotionCodes } from "../utils/backing-promotion"
import { COUPON_APPLY_MARK } from "../utils/apply-mark"
import { loadCartForCoupons } from "../utils/coupon-context"

/**
 * Keeps Medusa's native promotion route from being a back door: a coupon's
 * backing promotion may only be added to a cart that holds a code of that
 * coupon (linked by applyCouponToCartWorkflow after the rules passed).
 * Refreshes (REPLACE) and removals are never blocked.
 */
updateCartPromotionsWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const action = input.action ?? PromotionActions.ADD
  if (action !== PromotionActions.ADD || !input.promo_codes?.length || (input as Record<string, unknown>)[COUPON_APPLY_MARK] === true) {
    return
  }
  const backing = await findCouponsOfPromotionCodes(container, input.promo_codes)
  if (!backing.length) {
    return
  }
  const current = await loadCartForCoupons(container, cart.id)
  for (const promotion of backing) {
    const held = (current?.coupon_codes ?? []).some(
      (code) => code.coupon_id === promotion.coupon_id && code.status === "active"
    )
    if (!held) {
      throw new CouponError("not_found", "This code does not exist.")
    }
  }
})
