import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { NewCouponCode } from "../modules/coupon/types"
import { insertCouponCodesStep } from "./steps/insert-coupon-codes"
import { validateNewCouponCodesStep } from "./steps/validate-new-coupon-codes"

export type AddCouponCodesWorkflowInput = { coupon_id: string; codes: NewCouponCode[] }

export const addCouponCodesWorkflowId = "add-coupon-codes"

/** Adds named (or imported) codes to a coupon, all or nothing. */
export const addCouponCodesWorkflow = createWorkflow(addCouponCodesWorkflowId, (input: AddCouponCodesWorkflowInput) => {
  validateNewCouponCodesStep(input)
  const created = insertCouponCodesStep(input)
  return new WorkflowResponse(created)
})
