import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { refreshCartItemsWorkflow } from "@medusajs/medusa/core-flows"
import { attachWaitingCodes } from "../utils/attach-waiting-codes"
import { planCouponDiscounts, writeAdjustmentAmounts, type AdjustmentAmount } from "../utils/cap-coupon-discounts"
import { dropCodesBesideAutomaticPromotions } from "../utils/drop-codes-beside-automatic-promotions"

/**
 * Every cart change rebuilds the promotions' adjustments uncapped; this hook
 * runs right after, before Medusa sizes the payment collection: codes that
 * were waiting get their promotion offered again (the cart may qualify now),
 * coupons that are not combinable leave when an automatic promotion now
 * applies and the store does not combine them (the option), then capped
 * coupons are brought back to `max_discount_amount`.
 * An offered promotion is not taken back when the refresh fails later: the
 * next refresh recomputes it from the cart as it is.
 */
refreshCartItemsWorkflow.hooks.beforeRefreshingPaymentCollection(
  async ({ input }, { container, idempotencyKey }) => {
    const cartId = (input as { cart_id?: string }).cart_id
    if (!cartId) {
      return new StepResponse(undefined, [] as AdjustmentAmount[])
    }
    await attachWaitingCodes(container, cartId, idempotencyKey)
    await dropCodesBesideAutomaticPromotions(container, cartId, idempotencyKey)
    const plan = await planCouponDiscounts(container, cartId)
    await writeAdjustmentAmounts(container, plan.capped)
    return new StepResponse(undefined, plan.previous)
  },
  async (previous, { container }) => {
    await writeAdjustmentAmounts(container, previous ?? [])
  }
)
