import type { MedusaContainer } from "@medusajs/framework/types"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import { removeCouponFromCartWorkflow } from "../remove-coupon-from-cart"
import { loadCartForCoupons } from "./coupon-context"

/**
 * With `combine_with_automatic_promotions: false`, an automatic promotion that
 * starts applying after a coupon that is not combinable was applied (the cart
 * reached its threshold) wins: the coupon's codes come off in the same
 * refresh, so the cart never shows both discounts and the order gets one.
 * Completion refuses the pair as well (combinable rule) should a path skip
 * the refresh. `parentStepIdempotencyKey`: the refresh's step (it holds the
 * cart lock). Returns the codes taken off.
 */
export const dropCodesBesideAutomaticPromotions = async (
  container: MedusaContainer,
  cartId: string,
  parentStepIdempotencyKey?: string
): Promise<string[]> => {
  const service = container.resolve<CouponModuleService>(COUPON_MODULE)
  if (service.getOptions().combine_with_automatic_promotions) {
    return []
  }
  const cart = await loadCartForCoupons(container, cartId)
  const automatic = (cart?.promotions ?? []).find((promotion) => promotion.is_automatic && promotion.code)
  if (!cart || cart.completed_at || !automatic || !cart.coupon_codes?.length) {
    return []
  }
  const coupons = await service.listCoupons({ id: cart.coupon_codes.map((code) => code.coupon_id) }, { select: ["id", "combinable"] })
  const exclusive = cart.coupon_codes.filter((code) => !coupons.find((coupon) => coupon.id === code.coupon_id)?.combinable)
  for (const code of exclusive) {
    const shown = code.code.startsWith("#") && code.code_last4 ? `****${code.code_last4}` : code.code
    await removeCouponFromCartWorkflow(container).run({
      input: { cart_id: cartId, code_id: code.id, reason: "not_combinable", message: `${shown} can't be combined with ${automatic.code}.` },
      context: parentStepIdempotencyKey ? { parentStepIdempotencyKey } : undefined,
    })
  }
  return exclusive.map((code) => code.code)
}
