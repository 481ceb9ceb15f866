import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../modules/coupon"
import type { CouponReason } from "../../modules/coupon/rules/reasons"
import type CouponModuleService from "../../modules/coupon/service"
import { findBackingPromotions } from "./backing-promotion"

/**
 * A code on a cart is `active` when its backing promotion is on the cart (it
 * discounts), `waiting` when the rules let it stay but Medusa's engine found
 * nothing to discount yet; it becomes active on the cart change that gives it
 * something (see attachWaitingCodes).
 */
export type CodeState = { state: "active" } | { state: "waiting"; reason: CouponReason; message: string }

type CartOfStates = {
  items?: ({ id: string } | null)[] | null
  shipping_methods?: ({ id: string } | null)[] | null
  promotions?: ({ code?: string | null } | null)[] | null
  coupon_codes?: ({ id: string; coupon_id: string } | null)[] | null
}

/** Why a code that passed the rules has no discount yet, in the shopper's words. */
const waitingFor = (cart: CartOfStates, discountType: string | undefined): CodeState => {
  if (!(cart.items ?? []).filter(Boolean).length) {
    return { state: "waiting", reason: "no_matching_items", message: "Add items to your cart to use this code." }
  }
  if (discountType === "free_shipping" && !(cart.shipping_methods ?? []).filter(Boolean).length) {
    return { state: "waiting", reason: "no_matching_items", message: "Choose a shipping method to use this code." }
  }
  return { state: "waiting", reason: "no_matching_items", message: "Add an item this code applies to." }
}

/** Each applied code's state on the cart, by code id (empty for a cart without codes). */
export const cartCodeStates = async (container: MedusaContainer, cartId: string): Promise<Map<string, CodeState>> => {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart",
    fields: ["id", "items.id", "shipping_methods.id", "promotions.code", "coupon_codes.id", "coupon_codes.coupon_id"],
    filters: { id: cartId },
  })
  const cart = data[0] as CartOfStates | undefined
  const codes = (cart?.coupon_codes ?? []).filter((code): code is { id: string; coupon_id: string } => !!code)
  const states = new Map<string, CodeState>()
  if (!cart || !codes.length) {
    return states
  }
  const couponIds = [...new Set(codes.map((code) => code.coupon_id))]
  const onCart = new Set((cart.promotions ?? []).map((promotion) => promotion?.code).filter(Boolean))
  const discounting = new Set(
    (await findBackingPromotions(container, couponIds)).filter((promotion) => onCart.has(promotion.code)).map((p) => p.coupon_id)
  )
  const waiting = couponIds.filter((id) => !discounting.has(id))
  const types = waiting.length
    ? new Map(
        (
          await container
            .resolve<CouponModuleService>(COUPON_MODULE)
            .listCoupons({ id: waiting }, { select: ["id", "discount_type"], withDeleted: true })
        ).map((coupon) => [coupon.id, coupon.discount_type as string])
      )
    : new Map<string, string>()
  for (const code of codes) {
    states.set(code.id, discounting.has(code.coupon_id) ? { state: "active" } : waitingFor(cart, types.get(code.coupon_id)))
  }
  return states
}
