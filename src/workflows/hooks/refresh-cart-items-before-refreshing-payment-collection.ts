import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { refreshCartItemsWorkflow } from "@medusajs/medusa/core-flows"
import { planCouponCaps, writeAdjustmentAmounts, type AdjustmentAmount } from "../utils/cap-coupon-discounts"

/**
 * Every cart change rebuilds the promotions' adjustments uncapped; this hook
 * runs right after, before Medusa sizes the payment collection, and brings
 * capped coupons back to `max_discount_amount`.
 */
refreshCartItemsWorkflow.hooks.beforeRefreshingPaymentCollection(
  async ({ input }, { container }) => {
    const cartId = (input as { cart_id?: string }).cart_id
    if (!cartId) {
      return new StepResponse(undefined, [] as AdjustmentAmount[])
    }
    const plan = await planCouponCaps(container, cartId)
    await writeAdjustmentAmounts(container, plan.capped)
    return new StepResponse(undefined, plan.previous)
  },
  async (previous, { container }) => {
    await writeAdjustmentAmounts(container, previous ?? [])
  }
)
