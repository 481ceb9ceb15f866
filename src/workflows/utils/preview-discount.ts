import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import { discountCapIn } from "../../modules/coupon/utils/currency-values"
import { findBackingPromotions, offeredPromotionCodes } from "./backing-promotion"
import { pairCurrencyOf } from "./promotion-data"
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
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: cartPromotionContextFields, filters: { id: cartId } })
  const cart = data[0] as Record<string, unknown> & { currency_code: string }
  const [coupon] = await container
    .resolve<CouponModuleService>(COUPON_MODULE)
    .listCoupons(
      { id: couponId },
      { select: ["id", "discount_type", "currency_code", "amounts", "max_discount_amount", "max_discount_amounts"], take: 1 }
    )
  if (!cart || !coupon) {
    return null
  }
  // the promotions the cart would be offered: the engine computes the one that fits its prices and currency
  const codes = offeredPromotionCodes(
    await findBackingPromotions(container, [couponId]),
    couponId,
    pairCurrencyOf(coupon as never, cart.currency_code)
  )
  if (!codes.length) {
    return null
  }
  const actions = (await container.resolve(Modules.PROMOTION).computeActions(codes, cart as never)) as unknown as ComputedAction[]
  const computed = actions
    .filter((action) => !!action.code && codes.includes(action.code) && action.action.startsWith("add"))
    .reduce((sum, action) => sum + Number(action.amount ?? 0), 0)
  // the engine knows no cap; the cart gets it right after (see cap-coupon-discounts)
  const cap = discountCapIn(coupon as never, cart.currency_code)
  const amount = cap === null ? computed : Math.min(computed, cap ?? 0)
  return { amount, currency_code: cart.currency_code }
}
