import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkCouponEligibilityStep, CheckCouponEligibilityStepInput } from "./steps/check-coupon-eligibility"

export type ValidateCouponWorkflowInput = CheckCouponEligibilityStepInput

export const validateCouponWorkflowId = "validate-coupon"

/**
 * Decides whether a code applies (to a cart, when given). Used by the
 * validate route, by apply, and again at completion, so a merchant's rule
 * added through the `validate` hook is enforced everywhere:
 *
 *   validateCouponWorkflow.hooks.validate(({ input, coupon }) => {
 *     if (…) throw new CouponError("vip_only", "This code is for VIP members.")
 *   })
 */
export const validateCouponWorkflow = createWorkflow(validateCouponWorkflowId, (input: ValidateCouponWorkflowInput) => {
  const coupon = checkCouponEligibilityStep(input)
  const validate = createHook("validate", { input, coupon })
  return new WorkflowResponse(coupon, { hooks: [validate] })
})
