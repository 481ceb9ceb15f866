import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../modules/coupon"
import { classOfTargetType, combinesWithOf } from "../../modules/coupon/utils/combinations"
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
  const automaticIds = (cart?.promotions ?? []).filter((promotion) => promotion.is_automatic && promotion.code).map((p) => p.id)
  if (!cart || cart.completed_at || !automaticIds.length || !cart.coupon_codes?.length) {
    return []
  }
  const automatic = await container
    .resolve(Modules.PROMOTION)
    .listPromotions({ id: automaticIds }, { select: ["id", "code"], relations: ["application_method"] })
  const coupons = await service.listCoupons(
    { id: cart.coupon_codes.map((code) => code.coupon_id) },
    { select: ["id", "combinable", "combines_with"], withDeleted: true }
  )
  // a coupon leaves beside an automatic promotion of a class it does not combine with
  const clashOf = (couponId: string) =>
    automatic.find(
      (promotion) =>
        !combinesWithOf(coupons.find((coupon) => coupon.id === couponId) ?? {})[
          classOfTargetType(promotion.application_method?.target_type)
        ]
    )
  const exclusive = cart.coupon_codes.filter((code) => clashOf(code.coupon_id))
  for (const code of exclusive) {
    const clash = clashOf(code.coupon_id)!
    const shown = code.code.startsWith("#") && code.code_last4 ? `****${code.code_last4}` : code.code
    await removeCouponFromCartWorkflow(container).run({
      input: { cart_id: cartId, code_id: code.id, reason: "not_combinable", message: `${shown} can't be combined with ${clash.code}.` },
      context: parentStepIdempotencyKey ? { parentStepIdempotencyKey } : undefined,
    })
  }
  return exclusive.map((code) => code.code)
}
