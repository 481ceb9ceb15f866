import { recordCouponAuditStep } from "./steps/record-coupon-audit"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { NewCouponCode } from "../modules/coupon/types"
import { insertCouponCodesStep } from "./steps/insert-coupon-codes"
import { validateNewCouponCodesStep } from "./steps/validate-new-coupon-codes"

export type AddCouponCodesWorkflowInput = {
  coupon_id: string
  codes: NewCouponCode[]
  actor_id?: string | null
  /** how the codes came: named in a request or imported from a CSV file */
  source?: "request" | "import"
}

export const addCouponCodesWorkflowId = "add-coupon-codes"

/** Adds named (or imported) codes to a coupon, all or nothing. */
export const addCouponCodesWorkflow = createWorkflow(addCouponCodesWorkflowId, (input: AddCouponCodesWorkflowInput) => {
  validateNewCouponCodesStep(input)
  const created = insertCouponCodesStep(transform({ input }, ({ input }) => ({ coupon_id: input.coupon_id, codes: input.codes })))
  recordCouponAuditStep(
    transform({ input }, ({ input }) => [
      {
        coupon_id: input.coupon_id,
        action: input.source === "import" ? "codes.imported" : "codes.added",
        actor_id: input.actor_id ?? null,
        // a sample is enough to recognise the change; the codes themselves are in the codes list
        changes: { count: input.codes.length, codes: input.codes.slice(0, 10).map((code) => code.code) },
      },
    ])
  )
  return new WorkflowResponse(created)
})
