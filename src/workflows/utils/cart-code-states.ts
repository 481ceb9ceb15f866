import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../modules/coupon"
import { emailRequiredRule } from "../../modules/coupon/rules/email-required"
import type { CouponReason } from "../../modules/coupon/rules/reasons"
import type CouponModuleService from "../../modules/coupon/service"
import { codesOfCouponAmong, findBackingPromotions } from "./backing-promotion"

/**
 * A code on a cart is `active` when its backing promotion is on the cart (it
 * discounts), `waiting` when the rules let it stay but Medusa's engine found
 * nothing to discount yet; it becomes active on the cart change that gives it
 * something (see attachWaitingCodes). A code that discounts but that
 * completion would refuse for want of an email (emailRequiredRule) waits too.
 */
export type CodeState = { state: "active" } | { state: "waiting"; reason: CouponReason; message: string }

type CartOfStates = {
  email?: string | null
  customer_id?: string | null
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

/** The "needs an email" rule's view of this cart as completion would judge it. */
const judged = (cart: CartOfStates, coupon: unknown) =>
  ({ phase: "complete", coupon, cart: { email: cart.email ?? null, customer_id: cart.customer_id ?? null } }) as never

const needsEmail = (cart: CartOfStates, coupon: unknown) => !emailRequiredRule.check(judged(cart, coupon))

/** Each applied code's state on the cart, by code id (empty for a cart without codes). */
export const cartCodeStates = async (container: MedusaContainer, cartId: string): Promise<Map<string, CodeState>> => {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart",
    fields: [
      "id",
      "email",
      "customer_id",
      "items.id",
      "shipping_methods.id",
      "promotions.code",
      "coupon_codes.id",
      "coupon_codes.coupon_id",
    ],
    filters: { id: cartId },
  })
  const cart = data[0] as CartOfStates | undefined
  const codes = (cart?.coupon_codes ?? []).filter((code): code is { id: string; coupon_id: string } => !!code)
  const states = new Map<string, CodeState>()
  if (!cart || !codes.length) {
    return states
  }
  const couponIds = [...new Set(codes.map((code) => code.coupon_id))]
  const onCart = (cart.promotions ?? []).flatMap((promotion) => (promotion?.code ? [promotion.code] : []))
  const promotions = await findBackingPromotions(container, couponIds)
  const discounting = new Set(couponIds.filter((id) => codesOfCouponAmong(promotions, id, onCart).length))
  const coupons = new Map(
    (
      await container
        .resolve<CouponModuleService>(COUPON_MODULE)
        .listCoupons(
          { id: couponIds },
          { select: ["id", "discount_type", "usage_limit_per_customer", "first_order_only"], withDeleted: true }
        )
    ).map((coupon) => [coupon.id, coupon])
  )
  for (const code of codes) {
    const coupon = coupons.get(code.coupon_id)
    states.set(
      code.id,
      !discounting.has(code.coupon_id)
        ? waitingFor(cart, coupon?.discount_type)
        : coupon && needsEmail(cart, coupon)
          ? { state: "waiting", reason: "email_required", message: emailRequiredRule.message(judged(cart, coupon)) }
          : { state: "active" }
    )
  }
  return states
}
