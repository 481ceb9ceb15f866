import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import { redemptionAfterCheckout } from "../../modules/coupon/ledger/redemption-after-checkout"
import type CouponModuleService from "../../modules/coupon/service"
import { findBackingPromotions, promotionCodesOfCoupon } from "../utils/backing-promotion"
import { readOrderAfterCheckout } from "../utils/order-after-checkout"

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
          const codes = promotionCodesOfCoupon(promotions, row.coupon_id)
          return [row.id, order && codes.length ? redemptionAfterCheckout(order, codes, give_back, row) : null]
        })
      )
    })
    return new StepResponse(adjusted)
  }
)
