import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deletePromotionsWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { CouponEvents } from "./events"
import { findAllCouponPromotionsStep } from "./steps/find-all-coupon-promotions"
import { findBackingPromotionStep } from "./steps/find-backing-promotion"
import { recordCouponAuditStep } from "./steps/record-coupon-audit"
import { releaseCodesFromOpenCartsStep } from "./steps/release-codes-from-open-carts"
import { softDeleteCouponStep } from "./steps/soft-delete-coupon"

export type DeleteCouponWorkflowInput = { id: string; actor_id?: string | null }

export const deleteCouponWorkflowId = "delete-coupon"

/**
 * Soft-deletes the coupon with its codes and deletes its backing promotion (with its twin and currency pairs), so no cart can get the discount again.
 * Open carts holding its codes lose them (and the discount) while the promotion still exists: they check out at full price.
 */
export const deleteCouponWorkflow = createWorkflow(deleteCouponWorkflowId, (input: DeleteCouponWorkflowInput) => {
  const promotion = findBackingPromotionStep({ coupon_id: input.id })
  softDeleteCouponStep(transform({ input }, ({ input }) => ({ id: input.id })))
  recordCouponAuditStep(
    transform({ input }, ({ input }) => [{ coupon_id: input.id, action: "coupon.deleted", actor_id: input.actor_id ?? null }])
  )
  releaseCodesFromOpenCartsStep({ coupon_id: input.id, reason: "not_found", message: "This code does not exist." })
  const promotionIds = findAllCouponPromotionsStep(transform({ promotion }, ({ promotion }) => ({ backing_code: promotion.code })))
  deletePromotionsWorkflow.runAsStep({
    input: transform({ promotion, promotionIds }, ({ promotion, promotionIds }) => ({
      ids: [...new Set([promotion.id, ...(promotion.twin ? [promotion.twin.id] : []), ...promotionIds])],
    })),
  })
  emitEventStep({ eventName: CouponEvents.DELETED, data: { id: input.id } })
  return new WorkflowResponse({ id: input.id })
})
