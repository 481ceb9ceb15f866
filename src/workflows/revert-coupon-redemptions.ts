import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CouponEvents } from "./events"
import { revertRedemptionsStep } from "./steps/revert-redemptions"

export type RevertCouponRedemptionsWorkflowInput = { order_id: string }

export const revertCouponRedemptionsWorkflowId = "revert-coupon-redemptions"

/** Gives an order's coupon usage back (a canceled order); running it twice changes nothing. */
export const revertCouponRedemptionsWorkflow = createWorkflow(
  revertCouponRedemptionsWorkflowId,
  (input: RevertCouponRedemptionsWorkflowInput) => {
    const reverted = revertRedemptionsStep(input)
    const events = transform({ reverted }, ({ reverted }) =>
      reverted.map((row) => ({ id: row.id, order_id: row.order_id, coupon_id: row.coupon_id, code: row.code }))
    )
    emitEventStep({ eventName: CouponEvents.REDEMPTION_REVERTED, data: events })
    return new WorkflowResponse(reverted)
  }
)
