import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import { redemptionAfterCheckout, type OrderAfterCheckout } from "../../modules/coupon/ledger/redemption-after-checkout"
import type CouponModuleService from "../../modules/coupon/service"
import { codesOfCouponAmong, findBackingPromotions, promotionCodesOfCoupon } from "../utils/backing-promotion"
import { readOrderAfterCheckout } from "../utils/order-after-checkout"

const adjustmentCodesOf = (order: OrderAfterCheckout) =>
  [...order.items, ...order.shipping_methods].flatMap((owner) =>
    (owner.adjustments ?? []).flatMap((adjustment) => (adjustment.code ? [adjustment.code] : []))
  )

export type AdjustOrderRedemptionsStepInput = { order_id: string }

export const adjustOrderRedemptionsStepId = "adjust-order-redemptions"

/**
 * Each redemption of the order as the order now stands. The order is read once the
 * rows are locked; a coupon whose promotions are gone (deleted) keeps its row as is.
 */
export const adjustOrderRedemptionsStep = createStep(
  adjustOrderRedemptionsStepId,
  async ({ order_id }: AdjustOrderRedemptionsStepInput, { container }) => {
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const { give_back } = service.getOptions()
    const adjusted = await service.adjustOrderRedemptions(order_id, async (rows) => {
      const order = await readOrderAfterCheckout(container, order_id)
      const promotions = await findBackingPromotions(
        container,
        rows.map((row) => row.coupon_id)
      )
      return new Map(
        rows.map((row) => {
          // the backing pair, and a currency pair that discounted the order (a coupon without promotions has none)
          const backing = promotionCodesOfCoupon(promotions, row.coupon_id)
          const codes =
            order && backing.length ? [...backing, ...codesOfCouponAmong(promotions, row.coupon_id, adjustmentCodesOf(order))] : []
          return [row.id, order && codes.length ? redemptionAfterCheckout(order, codes, give_back, row) : null]
        })
      )
    })
    return new StepResponse(adjusted)
  }
)
