import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import { findBackingPromotions } from "./backing-promotion"
import { cartPromotionContextFields } from "./cart-fields"

type ComputedAction = { action: string; code?: string; amount?: number | string }

/**
 * What the code would take off this cart, asked of Medusa's promotion engine
 * itself (the same computeActions the cart uses), without touching the cart.
 */
export const previewCouponDiscount = async (
  container: MedusaContainer,
  cartId: string,
  couponId: string
): Promise<{ amount: number; currency_code: string } | null> => {
  // the backing promotion and its twin: the engine computes the one that fits the cart's prices
  const codes = (await findBackingPromotions(container, [couponId])).map((promotion) => promotion.code)
  if (!codes.length) {
    return null
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: cartPromotionContextFields, filters: { id: cartId } })
  const cart = data[0] as Record<string, unknown> & { currency_code: string }
  if (!cart) {
    return null
  }
  const actions = (await container.resolve(Modules.PROMOTION).computeActions(codes, cart as never)) as unknown as ComputedAction[]
  const computed = actions
    .filter((action) => !!action.code && codes.includes(action.code) && action.action.startsWith("add"))
    .reduce((sum, action) => sum + Number(action.amount ?? 0), 0)
  // the engine knows no cap; the cart gets it right after (see cap-coupon-discounts)
  const [coupon] = await container
    .resolve<CouponModuleService>(COUPON_MODULE)
    .listCoupons({ id: couponId }, { select: ["id", "max_discount_amount"], take: 1 })
  const cap = coupon?.max_discount_amount === null || coupon?.max_discount_amount === undefined ? null : Number(coupon.max_discount_amount)
  const amount = cap === null ? computed : Math.min(computed, cap)
  return { amount, currency_code: cart.currency_code }
}
