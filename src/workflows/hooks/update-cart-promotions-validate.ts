import { Modules, PromotionActions } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { COUPON_MODULE } from "../../modules/coupon"
import { CouponError } from "../../modules/coupon/errors/coupon-error"
import type CouponModuleService from "../../modules/coupon/service"
import { classOfTargetType, combinesWithOf } from "../../modules/coupon/utils/combinations"
import { findCouponsOfPromotionCodes, type PromotionOfCoupon } from "../utils/backing-promotion"
import { COUPON_APPLY_MARK } from "../utils/apply-mark"
import { loadCartForCoupons, type CartForCoupons } from "../utils/coupon-context"

/**
 * A Medusa promotion code new to the cart, beside a coupon that stays on it
 * and does not combine with the promotion's class: refused, naming the
 * coupon's code (the coupon added after a native code is refused by the
 * combinable rule instead). With max_codes_per_cart, a native code past the
 * limit is refused too.
 */
const refuseNativeBesideExclusiveCoupon = async (
  container: MedusaContainer,
  cart: CartForCoupons,
  promoCodes: string[],
  backing: PromotionOfCoupon[],
  replacing: boolean
) => {
  const backingCodes = new Set(backing.map((promotion) => promotion.code))
  const onCart = new Set((cart.promotions ?? []).map((promotion) => promotion.code))
  const added = promoCodes.filter((code) => !backingCodes.has(code) && !onCart.has(code))
  // a REPLACE keeps only the coupons whose backing code it names
  const staying = (cart.coupon_codes ?? []).filter(
    (code) => code.status === "active" && (!replacing || backing.some((promotion) => promotion.coupon_id === code.coupon_id))
  )
  if (!added.length) {
    return
  }
  // only real promotion codes clash or count; Medusa refuses the others with its own answer
  const existing = await container
    .resolve(Modules.PROMOTION)
    .listPromotions({ code: added }, { select: ["id", "code", "is_automatic"], relations: ["application_method"] })
  if (!existing.length) {
    return
  }
  const service = container.resolve<CouponModuleService>(COUPON_MODULE)
  const max = service.getOptions().max_codes_per_cart
  if (max) {
    // the natives typed before (a REPLACE names all it keeps), and these
    const before = replacing
      ? []
      : (cart.promotions ?? []).filter((promotion) => promotion.code && !promotion.is_automatic).map((promotion) => promotion.code!)
    const ownCodes = new Set((await findCouponsOfPromotionCodes(container, before)).map((promotion) => promotion.code))
    const typedNatives = new Set([...before.filter((code) => !ownCodes.has(code)), ...promoCodes.filter((code) => !backingCodes.has(code))])
    if (new Set(staying.map((code) => code.code)).size + typedNatives.size > max) {
      throw new CouponError(
        "max_codes_reached",
        max === 1 ? "Only one code can be used per order." : `At most ${max} codes can be used per order.`
      )
    }
  }
  if (!staying.length) {
    return
  }
  const coupons = await service.listCoupons(
    { id: staying.map((code) => code.coupon_id) },
    { select: ["id", "combinable", "combines_with"], withDeleted: true }
  )
  for (const promotion of existing) {
    const kind = classOfTargetType(promotion.application_method?.target_type)
    const exclusive = staying.find((code) => !combinesWithOf(coupons.find((coupon) => coupon.id === code.coupon_id) ?? {})[kind])
    if (exclusive) {
      const shown = exclusive.code.startsWith("#") && exclusive.code_last4 ? `****${exclusive.code_last4}` : exclusive.code
      throw new CouponError("not_combinable", `${promotion.code} can't be combined with ${shown}.`)
    }
  }
}

/**
 * Keeps Medusa's native promotion routes from being a back door: a coupon's
 * backing promotion may only be added to a cart that holds a code of that
 * coupon (linked by applyCouponToCartWorkflow after the rules passed), and a
 * native code may not join a coupon that is not combinable. Refreshes
 * (REPLACE with the cart's own codes) and removals are never blocked.
 */
updateCartPromotionsWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const action = input.action ?? PromotionActions.ADD
  if (action === PromotionActions.REMOVE || !input.promo_codes?.length || (input as Record<string, unknown>)[COUPON_APPLY_MARK] === true) {
    return
  }
  const onCart = new Set(
    ((cart as { promotions?: ({ code?: string | null } | null)[] }).promotions ?? []).map((promotion) => promotion?.code)
  )
  if (action === PromotionActions.REPLACE && input.promo_codes.every((code) => onCart.has(code))) {
    // a refresh: the cart's own codes again
    return
  }
  const backing = await findCouponsOfPromotionCodes(container, input.promo_codes)
  const current = await loadCartForCoupons(container, cart.id)
  if (!current) {
    return
  }
  if (action === PromotionActions.ADD) {
    for (const promotion of backing) {
      const held = (current.coupon_codes ?? []).some((code) => code.coupon_id === promotion.coupon_id && code.status === "active")
      if (!held) {
        throw new CouponError("not_found", "This code does not exist.")
      }
    }
  }
  await refuseNativeBesideExclusiveCoupon(container, current, input.promo_codes, backing, action === PromotionActions.REPLACE)
})
