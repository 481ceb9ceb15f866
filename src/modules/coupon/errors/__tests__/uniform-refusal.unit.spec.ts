import { COUPON_REASONS } from "../../rules/reasons"
import { INVALID_CODE_MESSAGE, shownRefusal, UNIFORM_REFUSAL_REASONS } from "../uniform-refusal"

describe("shownRefusal", () => {
  it("should answer every refusal that tells a code exists as invalid_code, with one message", () => {
    for (const reason of UNIFORM_REFUSAL_REASONS) {
      expect(shownRefusal({ reason, message: `why: ${reason}` }, true)).toEqual({ reason: "invalid_code", message: INVALID_CODE_MESSAGE })
    }
  })

  it("should keep the reasons that depend on the cart or the shopper, and every reason with the option off", () => {
    const kept = COUPON_REASONS.filter((reason) => !UNIFORM_REFUSAL_REASONS.has(reason))
    expect(kept).toEqual(expect.arrayContaining(["min_subtotal_not_met", "region_not_allowed", "email_required", "customer_limit_reached"]))
    for (const reason of kept) {
      expect(shownRefusal({ reason, message: "m" }, true)).toEqual({ reason, message: "m" })
    }
    for (const reason of COUPON_REASONS) {
      expect(shownRefusal({ reason, message: "m" }, false)).toEqual({ reason, message: "m" })
    }
  })

  it("should only name reasons the module knows", () => {
    for (const reason of UNIFORM_REFUSAL_REASONS) {
      expect(COUPON_REASONS).toContain(reason)
    }
  })
})
