import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, updatePromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { CouponEvents } from "./events"
import { findBackingPromotionStep } from "./steps/find-backing-promotion"
import { refreshOpenCartsOfCouponStep } from "./steps/refresh-open-carts-of-coupon"
import { releaseCodesFromOpenCartsStep } from "./steps/release-codes-from-open-carts"
import { syncBackingPromotionRulesStep } from "./steps/sync-backing-promotion-rules"
import { syncCurrencyPromotionsStep } from "./steps/sync-currency-promotions"
import { updateCouponStep } from "./steps/update-coupon"
import { diffFields, recordCouponAuditStep } from "./steps/record-coupon-audit"
import { validateCouponUpdateStep } from "./steps/validate-coupon-update"
import { withDerivedFields } from "../modules/coupon/schemas/coupon-cross-field-rules"
import { applicationMethodFor, promotionStatusFor, twinStatusFor } from "./utils/promotion-data"

export type UpdateCouponWorkflowInput = Record<string, unknown> & { id: string; actor_id?: string | null }

export const updateCouponWorkflowId = "update-coupon"

/** Updates the coupon and keeps its backing promotions (status, discount, currency pairs) in step; a failure undoes both. */
export const updateCouponWorkflow = createWorkflow(updateCouponWorkflowId, (input: UpdateCouponWorkflowInput) => {
  const fields = transform({ input }, ({ input }) => {
    const { actor_id: _actor, ...update } = input
    return update
  })
  const before = validateCouponUpdateStep(fields)
  // amounts name the primary currency's value: currency_code and discount_value follow them
  const update = transform({ fields, before }, ({ fields, before }) => withDerivedFields(fields, before as never))
  const coupon = updateCouponStep(update)
  const promotion = findBackingPromotionStep({ coupon_id: input.id })
  const promotionsData = transform({ coupon, promotion }, ({ coupon, promotion }) => ({
    promotionsData: [
      {
        id: promotion.id,
        status: promotionStatusFor(coupon.status),
        // a coupon from before twins keeps the flag it was created with
        ...(promotion.twin ? { is_tax_inclusive: false } : {}),
        application_method: applicationMethodFor(coupon as never),
      },
      // the twin carries the same discount for carts priced with tax included (fixed coupons only)
      ...(promotion.twin
        ? [
            {
              id: promotion.twin.id,
              status: twinStatusFor(coupon as never),
              is_tax_inclusive: true,
              application_method: applicationMethodFor(coupon as never),
            },
          ]
        : []),
    ],
  }))
  updatePromotionsWorkflow.runAsStep({ input: promotionsData as never })
  const currencyPromotions = syncCurrencyPromotionsStep(
    transform({ coupon, promotion }, ({ coupon, promotion }) => ({ coupon: coupon as never, backing_code: promotion.code }))
  )
  syncBackingPromotionRulesStep(
    transform({ coupon, promotion, currencyPromotions }, ({ coupon, promotion, currencyPromotions }) => ({
      promotions: [
        ...[promotion, ...(promotion.twin ? [promotion.twin] : [])].map(({ id, tax_inclusive }) => ({ id, tax_inclusive })),
        ...currencyPromotions,
      ],
      coupon: coupon as never,
    }))
  )
  recordCouponAuditStep(
    transform({ input, fields, before }, ({ input, fields, before }) => [
      { coupon_id: input.id, action: "coupon.updated", actor_id: input.actor_id ?? null, changes: diffFields(before as never, fields) },
    ])
  )
  // a coupon that stops being active leaves the open carts holding its codes, with its discount
  // (only an active coupon's codes can be on carts, so other edits skip the search)
  releaseCodesFromOpenCartsStep(
    transform({ coupon, before }, ({ coupon, before }) => ({
      coupon_id: coupon.id,
      skip: coupon.status === "active" || (before as { status?: string }).status !== "active",
      reason: "inactive" as const,
      message: "This code is not active.",
    }))
  )
  // an active coupon's edit reaches the open carts holding its codes: their discounts follow at once
  refreshOpenCartsOfCouponStep(transform({ coupon }, ({ coupon }) => ({ coupon_id: coupon.id, skip: coupon.status !== "active" })))
  emitEventStep({ eventName: CouponEvents.UPDATED, data: transform({ coupon }, ({ coupon }) => ({ id: coupon.id })) })
  return new WorkflowResponse(coupon)
})
