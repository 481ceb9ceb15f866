import type { EligibilityContext } from "../index"
import { defaultCouponRules, evaluateEligibility } from "../index"
import { makeContext } from "./fixtures"

const reasonOf = (context: EligibilityContext) => {
  const result = evaluateEligibility(context, defaultCouponRules)
  return result.eligible ? null : result.reason
}

const nobody = { email: null, customer_id: null }

describe("email-required rule", () => {
  it("should keep a capped code waiting on a cart with neither email nor customer, and refuse it at completion", () => {
    const coupon = { usage_limit_per_customer: 1 }
    for (const phase of ["validate", "apply", "recheck"] as const) {
      expect({ phase, reason: reasonOf(makeContext({ phase, coupon, cart: nobody })) }).toEqual({ phase, reason: null })
    }
    expect(evaluateEligibility(makeContext({ phase: "complete", coupon, cart: nobody }), defaultCouponRules)).toEqual({
      eligible: false,
      reason: "email_required",
      message: "Enter your email address to use this code.",
    })
  })

  it("should refuse a first-order code at completion with email_required when nobody is known", () => {
    const context = makeContext({ phase: "complete", coupon: { first_order_only: true }, cart: nobody, previous_order_count: null })
    expect(reasonOf(context)).toBe("email_required")
  })

  it("should pass with an email or a customer, and for coupons that count nobody", () => {
    const coupon = { usage_limit_per_customer: 1 }
    expect(reasonOf(makeContext({ phase: "complete", coupon, cart: { email: "a@example.com", customer_id: null } }))).toBeNull()
    expect(reasonOf(makeContext({ phase: "complete", coupon, cart: { email: "  ", customer_id: "cus_1" } }))).toBeNull()
    expect(reasonOf(makeContext({ phase: "complete", coupon, cart: { email: "  ", customer_id: null } }))).toBe("email_required")
    expect(reasonOf(makeContext({ phase: "complete", cart: nobody }))).toBeNull()
  })

  it("should leave a code checked without a cart to apply and completion", () => {
    expect(reasonOf(makeContext({ phase: "validate", coupon: { usage_limit_per_customer: 1 }, cart: null }))).toBeNull()
  })
})
