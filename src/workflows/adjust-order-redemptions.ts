import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CouponEvents } from "./events"
import { adjustOrderRedemptionsStep } from "./steps/adjust-order-redemptions"

export type AdjustOrderRedemptionsWorkflowInput = { order_id: string }

export const adjustOrderRedemptionsWorkflowId = "adjust-order-redemptions"

/**
 * Brings an order's redemptions in line with the order after checkout (a return,
 * refund, exchange, claim or confirmed edit): the discount it keeps, the returned
 * share, the refunds, the order total and the status; usage and budget go back as
 * the `give_back` option says. Running it again on the same order changes nothing.
 */
export const adjustOrderRedemptionsWorkflow = createWorkflow(
  adjustOrderRedemptionsWorkflowId,
  (input: AdjustOrderRedemptionsWorkflowInput) => {
    const adjusted = adjustOrderRedemptionsStep(input)
    const events = transform({ adjusted }, ({ adjusted }) =>
      adjusted.map((row) => ({
        id: row.id,
        order_id: row.order_id,
        coupon_id: row.coupon_id,
        code: row.code,
        status: row.status,
        previous_status: row.previous_status,
        discount_amount: row.discount_amount,
        previous_discount_amount: row.previous_discount_amount,
        returned_discount_amount: row.returned_discount_amount,
        refunded_amount: row.refunded_amount,
        order_total: row.order_total,
        currency_code: row.currency_code,
        released_usage: row.released_usage,
      }))
    )
    const reverted = transform({ events }, ({ events }) =>
      events
        .filter((row) => row.released_usage)
        .map((row) => ({ id: row.id, order_id: row.order_id, coupon_id: row.coupon_id, code: row.code, status: row.status }))
    )
    emitEventStep({ eventName: CouponEvents.REDEMPTION_ADJUSTED, data: events }).config({ name: "emit-redemption-adjusted" })
    emitEventStep({ eventName: CouponEvents.REDEMPTION_REVERTED, data: reverted }).config({ name: "emit-redemption-reverted" })
    return new WorkflowResponse(adjusted)
  }
)
