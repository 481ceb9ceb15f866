import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CouponEvents } from "./events"
import { prepareOrderRedemptionsStep } from "./steps/prepare-order-redemptions"
import { redeemCodesStep } from "./steps/redeem-codes"

export type RedeemCouponsWorkflowInput = {
  cart_id: string
  /** the customer logged in on the completing request: only they count as the order's customer for per-customer caps */
  customer_id?: string | null
}

export const redeemCouponsWorkflowId = "redeem-coupons"

/** Records and counts the codes of the order just placed from a cart. */
export const redeemCouponsWorkflow = createWorkflow(redeemCouponsWorkflowId, (input: RedeemCouponsWorkflowInput) => {
  const redemptions = prepareOrderRedemptionsStep(input)
  const result = redeemCodesStep(redemptions)
  const events = transform({ redemptions, result }, ({ redemptions, result }) =>
    redemptions
      // a retried order is not announced twice
      .filter((redemption) => result.redeemed_code_ids.includes(redemption.code_id))
      .map((redemption) => ({
        order_id: redemption.order_id,
        coupon_id: redemption.coupon_id,
        code_id: redemption.code_id,
        code: redemption.code,
        customer_id: redemption.customer_id,
        email: redemption.email,
        discount_amount: redemption.discount_amount,
        currency_code: redemption.currency_code,
      }))
  )
  emitEventStep({ eventName: CouponEvents.REDEEMED, data: events })
  return new WorkflowResponse(result)
})
