import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import type { RedeemCodeInput } from "../../modules/coupon/types"
import { customerKeys } from "../../modules/coupon/utils/customer-keys"
import { codesOfCouponAmong, findBackingPromotions } from "../utils/backing-promotion"
import { countEarlierOrders, loadCartForCoupons } from "../utils/coupon-context"
import { orderIdOfCart } from "../utils/order-of-cart"

export type PrepareOrderRedemptionsStepInput = {
  cart_id: string
  /** the customer logged in on the completing request, if any */
  customer_id?: string | null
}

type Adjustment = { amount: number | string; code?: string | null }
type OrderForRedemption = {
  id: string
  email?: string | null
  customer_id?: string | null
  currency_code: string
  total: number | string
  items?: { adjustments?: Adjustment[] }[]
  shipping_methods?: { adjustments?: Adjustment[] }[]
}

export const prepareOrderRedemptionsStepId = "prepare-order-redemptions"

/**
 * One ledger row per applied code whose backing promotion really discounted
 * the order, with the discount Medusa computed (summed from the order's
 * adjustments, never recomputed here).
 */
export const prepareOrderRedemptionsStep = createStep(
  prepareOrderRedemptionsStepId,
  async ({ cart_id, customer_id }: PrepareOrderRedemptionsStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const cart = await loadCartForCoupons(container, cart_id)
    const applied = cart?.coupon_codes ?? []
    if (!applied.length) {
      return new StepResponse([] as RedeemCodeInput[])
    }
    const orderId = await orderIdOfCart(container, cart_id)
    if (!orderId) {
      return new StepResponse([] as RedeemCodeInput[])
    }
    const { data: orders } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "email",
        "customer_id",
        "currency_code",
        "total",
        "items.adjustments.amount",
        "items.adjustments.code",
        "shipping_methods.adjustments.amount",
        "shipping_methods.adjustments.code",
      ],
      filters: { id: orderId },
    })
    const order = orders[0] as unknown as OrderForRedemption
    const adjustments = [
      ...(order.items ?? []).flatMap((item) => item.adjustments ?? []),
      ...(order.shipping_methods ?? []).flatMap((method) => method.adjustments ?? []),
    ]

    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const coupons = await service.listCoupons({ id: applied.map((code) => code.coupon_id) }, { select: ["id", "usage_limit_per_customer"] })
    const promotions = await findBackingPromotions(
      container,
      coupons.map((coupon) => coupon.id)
    )
    // the order's customer is a key only when logged in: Medusa also links an account by a typed email
    const trustedCustomer = order.customer_id && order.customer_id === customer_id ? order.customer_id : null
    const keys = customerKeys({ customer_id: trustedCustomer, email: order.email }, service.getOptions())

    // a new customer or a returning one, for the stats: the shopper's other orders (none known without an email)
    const firstOrder =
      order.customer_id || order.email
        ? (await countEarlierOrders(container, { customer_id: order.customer_id, email: order.email }, order.id)) === 0
        : null

    const redemptions: RedeemCodeInput[] = []
    for (const code of applied) {
      // the coupon's backing promotion, its twin or a currency's pair, whichever discounted this order
      const codes = codesOfCouponAmong(
        promotions,
        code.coupon_id,
        adjustments.flatMap((adjustment) => (adjustment.code ? [adjustment.code] : []))
      )
      const own = adjustments.filter((adjustment) => !!adjustment.code && codes.includes(adjustment.code))
      if (!own.length) {
        // the engine dropped this coupon's discount: nothing was given, nothing is counted
        continue
      }
      const coupon = coupons.find((candidate) => candidate.id === code.coupon_id)
      redemptions.push({
        coupon_id: code.coupon_id,
        code_id: code.id,
        code: code.code,
        order_id: order.id,
        cart_id,
        customer_id: order.customer_id ?? null,
        email: order.email ?? null,
        customer_keys: keys,
        usage_limit_per_customer: coupon?.usage_limit_per_customer ?? null,
        discount_amount: own.reduce((sum, adjustment) => sum + Number(adjustment.amount), 0),
        order_total: Number(order.total),
        currency_code: order.currency_code,
        first_order: firstOrder,
      })
    }
    return new StepResponse(redemptions)
  }
)
