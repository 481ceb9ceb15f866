import {
  CART_PARTS,
  CartDataNotLoadedError,
  COUPON_REASONS,
  CouponRule,
  cartPartsRead,
  composeRules,
  EligibilityContext,
  EligibilityResult,
  defaultCouponRules,
  evaluateEligibility,
} from "../index"
import { DAY, NOW, makeApplied, makeContext, makeCoupon, msFrom } from "./fixtures"

const evaluate = (context: EligibilityContext): EligibilityResult => evaluateEligibility(context, defaultCouponRules)

const reasonOf = (context: EligibilityContext): string | null => {
  const result = evaluate(context)
  return result.eligible ? null : result.reason
}

const messageOf = (context: EligibilityContext): string => {
  const result = evaluate(context)
  if (result.eligible) {
    throw new Error("expected the code to be refused")
  }
  return result.message
}

describe("evaluateEligibility", () => {
  describe("with an eligible context", () => {
    it("should accept an active code of an active coupon without limits", () => {
      expect(evaluate(makeContext())).toEqual({ eligible: true, pending: [] })
    })

    it("should accept a code when every limit still has room", () => {
      const context = makeContext({
        coupon: {
          starts_at: msFrom(NOW, -DAY),
          ends_at: msFrom(NOW, DAY),
          usage_limit: 10,
          usage_count: 9,
          usage_limit_per_customer: 2,
          min_subtotal: 50,
          allowed_email_domains: ["example.com"],
          sales_channel_ids: ["sc_web"],
          currency_codes: ["usd", "eur"],
        },
        code: { usage_limit: 1, usage_count: 0, expires_at: msFrom(NOW, DAY) },
        customer_usage_count: 1,
      })
      expect(evaluate(context)).toEqual({ eligible: true, pending: [] })
    })

    it("should accept a code without a cart when only cart-independent rules apply, and name the checks still to come", () => {
      expect(evaluate(makeContext({ cart: null, coupon: { min_subtotal: 50, sales_channel_ids: ["sc_x"] } }))).toEqual({
        eligible: true,
        pending: ["already_applied", "not_combinable", "sales_channel_not_allowed", "min_subtotal_not_met"],
      })
    })
  })

  describe("the cart data rules declare", () => {
    it("should be a loader error, never a pass, when a cart lacks a part a rule reads", () => {
      const context = makeContext({ coupon: { min_quantity: 3 }, cart: { loaded: ["cart", "subtotal"], items: undefined } })
      expect(() => evaluate(context)).toThrow(CartDataNotLoadedError)
      expect(() => evaluate(context)).toThrow('rule "min-quantity" reads items of the cart')
    })

    it("should ask the loader only for the parts this coupon's rules read", () => {
      expect(cartPartsRead(defaultCouponRules, makeCoupon({}))).toEqual(["cart"])
      expect(
        cartPartsRead(defaultCouponRules, makeCoupon({ min_subtotal: 10, customer_group_ids: ["g"], shipping_option_ids: ["so"] })).sort()
      ).toEqual(["cart", "customer", "shipping_methods", "subtotal"])
      expect(cartPartsRead(defaultCouponRules, makeCoupon({ min_matching_subtotal: 10 })).sort()).toEqual([
        "cart",
        "item_subtotals",
        "items",
      ])
    })

    it("should give a merchant rule that declares nothing every part, and one that declares some only those", () => {
      const check = () => true
      const [all, some] = composeRules(
        [],
        [
          { name: "all", reason: "all_x", check, message: "x" },
          { name: "some", reason: "some_x", reads: ["items"], check, message: "x" },
        ]
      )
      expect(cartPartsRead([all], makeCoupon({})).sort()).toEqual([...CART_PARTS].sort())
      expect(cartPartsRead([some], makeCoupon({}))).toEqual(["items"])
    })
  })

  describe("not_found", () => {
    it("should refuse a missing code", () => {
      expect(evaluate(makeContext({ code: null }))).toEqual({
        eligible: false,
        reason: "not_found",
        message: "This code does not exist.",
      })
    })

    it("should refuse a code whose coupon is missing", () => {
      expect(reasonOf(makeContext({ coupon: null }))).toBe("not_found")
    })

    it("should refuse a soft-deleted code", () => {
      expect(reasonOf(makeContext({ code: { deleted_at: msFrom(NOW, -DAY) } }))).toBe("not_found")
    })

    it("should refuse a code of a soft-deleted coupon", () => {
      expect(reasonOf(makeContext({ coupon: { deleted_at: "2025-01-01T00:00:00Z" } }))).toBe("not_found")
    })

    it("should answer not_found before any rule runs, even when every rule would fail", () => {
      const check = jest.fn(() => false)
      const rule: CouponRule = { name: "never", reason: "inactive", reads: () => [], check, message: () => "no" }
      const result = evaluateEligibility(makeContext({ coupon: { deleted_at: NOW, status: "archived" } }), [rule])
      expect(result).toMatchObject({ eligible: false, reason: "not_found" })
      expect(check).not.toHaveBeenCalled()
    })
  })

  describe("inactive", () => {
    it.each(["draft", "inactive", "archived"] as const)("should refuse a code of a %s coupon", (status) => {
      expect(evaluate(makeContext({ coupon: { status } }))).toEqual({
        eligible: false,
        reason: "inactive",
        message: "This code is not active.",
      })
    })

    it("should refuse a disabled code of an active coupon", () => {
      expect(reasonOf(makeContext({ code: { status: "disabled" } }))).toBe("inactive")
    })
  })

  describe("not_started", () => {
    it("should refuse a code before the coupon starts and say when it starts", () => {
      const startsAt = msFrom(NOW, DAY)
      expect(evaluate(makeContext({ coupon: { starts_at: startsAt } }))).toEqual({
        eligible: false,
        reason: "not_started",
        message: `This code can be used from ${startsAt.toISOString()}.`,
      })
    })

    it("should accept a code exactly at starts_at", () => {
      expect(reasonOf(makeContext({ coupon: { starts_at: NOW } }))).toBeNull()
    })

    it("should refuse a code 1 ms before starts_at", () => {
      expect(reasonOf(makeContext({ coupon: { starts_at: msFrom(NOW, 1) } }))).toBe("not_started")
    })

    it("should accept a code 1 ms after starts_at", () => {
      expect(reasonOf(makeContext({ coupon: { starts_at: msFrom(NOW, -1) } }))).toBeNull()
    })

    it("should compare starts_at given as an offset ISO string by instant", () => {
      // 14:00+02:00 is 12:00Z, exactly now
      expect(reasonOf(makeContext({ coupon: { starts_at: "2025-06-15T14:00:00+02:00" } }))).toBeNull()
      // 07:00:00.001-05:00 is 12:00:00.001Z, 1 ms after now
      expect(reasonOf(makeContext({ coupon: { starts_at: "2025-06-15T07:00:00.001-05:00" } }))).toBe("not_started")
    })
  })

  describe("expired", () => {
    it("should refuse a code after the coupon ended", () => {
      expect(evaluate(makeContext({ coupon: { ends_at: msFrom(NOW, -DAY) } }))).toEqual({
        eligible: false,
        reason: "expired",
        message: "This code has expired.",
      })
    })

    it("should refuse a code exactly at ends_at", () => {
      expect(reasonOf(makeContext({ coupon: { ends_at: NOW } }))).toBe("expired")
    })

    it("should accept a code 1 ms before ends_at", () => {
      expect(reasonOf(makeContext({ coupon: { ends_at: msFrom(NOW, 1) } }))).toBeNull()
    })

    it("should refuse a code whose own expires_at has passed although the coupon runs on", () => {
      const context = makeContext({
        coupon: { ends_at: msFrom(NOW, 30 * DAY) },
        code: { expires_at: msFrom(NOW, -1) },
      })
      expect(reasonOf(context)).toBe("expired")
    })

    it("should refuse a code exactly at its own expires_at", () => {
      expect(reasonOf(makeContext({ code: { expires_at: NOW.toISOString() } }))).toBe("expired")
    })

    it("should refuse a code whose coupon ended although the code's own expiry is later", () => {
      const context = makeContext({
        coupon: { ends_at: msFrom(NOW, -1) },
        code: { expires_at: msFrom(NOW, 30 * DAY) },
      })
      expect(reasonOf(context)).toBe("expired")
    })

    it("should accept a code while both the coupon end and the code expiry are ahead", () => {
      const context = makeContext({
        coupon: { ends_at: msFrom(NOW, 2) },
        code: { expires_at: msFrom(NOW, 1) },
      })
      expect(reasonOf(context)).toBeNull()
    })

    describe("with time-zone offsets", () => {
      it("should treat ends_at 14:00+02:00 as 12:00Z, so a now of 12:00Z is expired", () => {
        expect(reasonOf(makeContext({ coupon: { ends_at: "2025-06-15T14:00:00+02:00" } }))).toBe("expired")
      })

      it("should accept a now of 11:59:59.999Z against ends_at 14:00+02:00", () => {
        const context = makeContext({
          now: new Date("2025-06-15T11:59:59.999Z"),
          coupon: { ends_at: "2025-06-15T14:00:00+02:00" },
        })
        expect(reasonOf(context)).toBeNull()
      })

      it("should accept a now whose UTC wall clock is later than a -05:00 end's wall clock", () => {
        // ends 08:00-05:00 = 13:00Z; now 12:00Z reads later than "08:00" but is an hour earlier
        expect(reasonOf(makeContext({ coupon: { ends_at: "2025-06-15T08:00:00-05:00" } }))).toBeNull()
      })

      it("should refuse at the instant of a -05:00 end", () => {
        const context = makeContext({
          now: new Date("2025-06-15T13:00:00.000Z"),
          coupon: { ends_at: "2025-06-15T08:00:00-05:00" },
        })
        expect(reasonOf(context)).toBe("expired")
      })

      it("should refuse a now whose UTC wall clock is earlier than a +02:00 end's wall clock", () => {
        // ends 13:00+02:00 = 11:00Z; now 12:00Z reads earlier than "13:00" but is an hour later
        expect(reasonOf(makeContext({ coupon: { ends_at: "2025-06-15T13:00:00+02:00" } }))).toBe("expired")
      })

      it("should take the earlier instant when the coupon end and the code expiry use different offsets", () => {
        // coupon 12:30Z; code 07:00:00.001-05:00 = 12:00:00.001Z, the earlier one
        const context = makeContext({
          coupon: { ends_at: "2025-06-15T14:30:00+02:00" },
          code: { expires_at: "2025-06-15T07:00:00.001-05:00" },
        })
        expect(reasonOf(context)).toBeNull()
        expect(reasonOf({ ...context, now: msFrom(NOW, 1) })).toBe("expired")
      })
    })
  })

  describe("usage_limit_reached", () => {
    it("should refuse a code when the coupon's usage_count equals its usage_limit", () => {
      expect(evaluate(makeContext({ coupon: { usage_limit: 5, usage_count: 5 } }))).toEqual({
        eligible: false,
        reason: "usage_limit_reached",
        message: "This code has reached its usage limit.",
      })
    })

    it("should refuse a code when the coupon's usage_count is over its usage_limit", () => {
      expect(reasonOf(makeContext({ coupon: { usage_limit: 5, usage_count: 6 } }))).toBe("usage_limit_reached")
    })

    it("should accept a code when one use is left (usage_count = usage_limit - 1)", () => {
      expect(reasonOf(makeContext({ coupon: { usage_limit: 5, usage_count: 4 } }))).toBeNull()
    })

    it("should refuse every use when usage_limit is 0", () => {
      expect(reasonOf(makeContext({ coupon: { usage_limit: 0, usage_count: 0 } }))).toBe("usage_limit_reached")
    })

    it.each([null, undefined])("should not cap usage when usage_limit is %s", (usage_limit) => {
      expect(reasonOf(makeContext({ coupon: { usage_limit, usage_count: 1_000_000 } }))).toBeNull()
    })
  })

  describe("code_reserved", () => {
    it("should refuse a code another cart holds", () => {
      const context = { ...makeContext(), reserved_by: "cart_other" }
      expect(evaluate(context)).toEqual({ eligible: false, reason: "code_reserved", message: "This code is in use in another checkout." })
    })

    it("should refuse it without a cart (validate with no cart_id)", () => {
      expect(reasonOf({ ...makeContext(), cart: null, reserved_by: "cart_other" })).toBe("code_reserved")
    })

    it("should accept the code for the cart that holds it", () => {
      const context = makeContext()
      expect(reasonOf({ ...context, reserved_by: context.cart!.id! })).toBeNull()
    })

    it.each([null, undefined])("should accept a code nobody holds (reserved_by %s)", (reserved_by) => {
      expect(reasonOf({ ...makeContext(), reserved_by })).toBeNull()
    })

    it("should say a used-up code is used, not reserved", () => {
      expect(reasonOf({ ...makeContext({ code: { usage_limit: 1, usage_count: 1 } }), reserved_by: "cart_other" })).toBe(
        "code_usage_limit_reached"
      )
    })
  })

  describe("code_usage_limit_reached", () => {
    it("should refuse a code whose own usage_count equals its usage_limit", () => {
      expect(evaluate(makeContext({ code: { usage_limit: 1, usage_count: 1 } }))).toEqual({
        eligible: false,
        reason: "code_usage_limit_reached",
        message: "This code has already been used.",
      })
    })

    it("should accept a code with one use left", () => {
      expect(reasonOf(makeContext({ code: { usage_limit: 3, usage_count: 2 } }))).toBeNull()
    })

    it("should not cap a code without a usage_limit", () => {
      expect(reasonOf(makeContext({ code: { usage_limit: null, usage_count: 500 } }))).toBeNull()
    })
  })

  describe("customer_limit_reached", () => {
    it("should refuse a customer who used the code exactly usage_limit_per_customer times", () => {
      expect(evaluate(makeContext({ coupon: { usage_limit_per_customer: 1 }, customer_usage_count: 1 }))).toEqual({
        eligible: false,
        reason: "customer_limit_reached",
        message: "You have already used this code.",
      })
    })

    it("should say how many times when the per-customer limit is above one", () => {
      const context = makeContext({ coupon: { usage_limit_per_customer: 3 }, customer_usage_count: 3 })
      expect(messageOf(context)).toBe("You have already used this code 3 times.")
    })

    it("should accept a customer with one use left", () => {
      expect(reasonOf(makeContext({ coupon: { usage_limit_per_customer: 3 }, customer_usage_count: 2 }))).toBeNull()
    })

    it("should not cap customers when usage_limit_per_customer is null", () => {
      expect(reasonOf(makeContext({ coupon: { usage_limit_per_customer: null }, customer_usage_count: 40 }))).toBeNull()
    })
  })

  describe("email_not_allowed", () => {
    const withDomains = (domains: string[], email: string | null, phase: EligibilityContext["phase"] = "apply") =>
      makeContext({ phase, coupon: { allowed_email_domains: domains }, cart: { email } })

    it("should refuse an email outside the allowed domains and name the domains", () => {
      expect(evaluate(withDomains(["example.com", "*.example.org"], "a@other.com"))).toEqual({
        eligible: false,
        reason: "email_not_allowed",
        message: "This code is only for email addresses at example.com, *.example.org.",
      })
    })

    it("should accept an email of an exactly allowed domain", () => {
      expect(reasonOf(withDomains(["example.com"], "a@example.com"))).toBeNull()
    })

    it("should refuse a subdomain when only the exact domain is allowed", () => {
      expect(reasonOf(withDomains(["example.com"], "a@mail.example.com"))).toBe("email_not_allowed")
    })

    it.each(["a@example.com", "a@mail.example.com", "a@deep.mail.example.com"])("should accept %s for *.example.com", (email) => {
      expect(reasonOf(withDomains(["*.example.com"], email))).toBeNull()
    })

    it.each(["a@badexample.com", "a@example.com.evil.io", "a@example.co", "a@mail.badexample.com"])(
      "should refuse %s for *.example.com",
      (email) => {
        expect(reasonOf(withDomains(["*.example.com"], email))).toBe("email_not_allowed")
      }
    )

    it("should compare email and domain case-insensitively", () => {
      expect(reasonOf(withDomains(["Example.COM"], "Someone@EXAMPLE.com"))).toBeNull()
      expect(reasonOf(withDomains(["*.EXAMPLE.com"], "a@Mail.Example.Com"))).toBeNull()
    })

    it("should accept an email at any one of several allowed domains", () => {
      expect(reasonOf(withDomains(["example.org", "example.com"], "a@example.com"))).toBeNull()
    })

    it.each(["apply", "validate"] as const)("should let a missing email pass in phase %s", (phase) => {
      expect(reasonOf(withDomains(["example.com"], null, phase))).toBeNull()
      expect(reasonOf(withDomains(["example.com"], "", phase))).toBeNull()
    })

    it("should refuse a missing email in phase complete", () => {
      expect(reasonOf(withDomains(["example.com"], null, "complete"))).toBe("email_not_allowed")
      expect(reasonOf(withDomains(["example.com"], "", "complete"))).toBe("email_not_allowed")
    })

    it("should accept an allowed email in phase complete", () => {
      expect(reasonOf(withDomains(["example.com"], "a@example.com", "complete"))).toBeNull()
    })

    it.each(["not-an-email", "@example.com", "example.com", "a@"])("should refuse the malformed email %p", (email) => {
      expect(reasonOf(withDomains(["example.com", "*.example.com"], email))).toBe("email_not_allowed")
    })

    it("should not check emails when the coupon allows every domain", () => {
      expect(reasonOf(withDomains([], "not-an-email", "complete"))).toBeNull()
      expect(reasonOf(makeContext({ coupon: { allowed_email_domains: null }, cart: { email: null }, phase: "complete" }))).toBeNull()
    })
  })

  describe("min_subtotal_not_met", () => {
    it("should refuse a cart under the minimum and say how much is missing", () => {
      const context = makeContext({ coupon: { min_subtotal: 50 }, cart: { subtotal: 37.5 } })
      expect(evaluate(context)).toEqual({
        eligible: false,
        reason: "min_subtotal_not_met",
        message: "Add $12.50 more to your cart to use this code (minimum $50.00).",
      })
    })

    it("should show the missing amount in the cart's currency", () => {
      const context = makeContext({ coupon: { min_subtotal: 100 }, cart: { subtotal: 60, currency_code: "eur" } })
      const message = messageOf(context)
      expect(message).toContain("€40.00")
      expect(message).toContain("€100.00")
    })

    it("should round a floating-point shortfall to cents", () => {
      const context = makeContext({ coupon: { min_subtotal: 50 }, cart: { subtotal: 49.9 } })
      expect(messageOf(context)).toContain("Add $0.10 more")
    })

    it("should accept a cart whose subtotal exactly meets the minimum", () => {
      expect(reasonOf(makeContext({ coupon: { min_subtotal: 50 }, cart: { subtotal: 50 } }))).toBeNull()
    })

    it("should refuse a cart one cent under the minimum", () => {
      expect(reasonOf(makeContext({ coupon: { min_subtotal: 50 }, cart: { subtotal: 49.99 } }))).toBe("min_subtotal_not_met")
    })
  })

  describe("sales_channel_not_allowed", () => {
    it("should refuse a cart from a sales channel the coupon does not list", () => {
      expect(evaluate(makeContext({ coupon: { sales_channel_ids: ["sc_pos"] }, cart: { sales_channel_id: "sc_web" } }))).toEqual({
        eligible: false,
        reason: "sales_channel_not_allowed",
        message: "This code is not valid in this store.",
      })
    })

    it("should refuse a cart without a sales channel when the coupon lists some", () => {
      expect(reasonOf(makeContext({ coupon: { sales_channel_ids: ["sc_web"] }, cart: { sales_channel_id: null } }))).toBe(
        "sales_channel_not_allowed"
      )
    })

    it("should accept a cart from a listed sales channel", () => {
      expect(
        reasonOf(makeContext({ coupon: { sales_channel_ids: ["sc_pos", "sc_web"] }, cart: { sales_channel_id: "sc_web" } }))
      ).toBeNull()
    })
  })

  describe("region_not_allowed", () => {
    it("should refuse a cart from a region the coupon does not list", () => {
      expect(evaluate(makeContext({ coupon: { region_ids: ["reg_us"] }, cart: { region_id: "reg_eu" } }))).toEqual({
        eligible: false,
        reason: "region_not_allowed",
        message: "This code is not valid in your region.",
      })
    })

    it("should refuse a cart without a region when the coupon lists some", () => {
      expect(reasonOf(makeContext({ coupon: { region_ids: ["reg_us"] }, cart: { region_id: null } }))).toBe("region_not_allowed")
    })

    it("should accept a cart from a listed region, and any region when none is listed", () => {
      expect(reasonOf(makeContext({ coupon: { region_ids: ["reg_eu", "reg_us"] }, cart: { region_id: "reg_us" } }))).toBeNull()
      expect(reasonOf(makeContext({ coupon: { region_ids: [] }, cart: { region_id: "reg_us" } }))).toBeNull()
    })
  })

  describe("currency_not_supported", () => {
    it("should refuse a fixed-amount coupon in another currency and name the cart's currency", () => {
      const context = makeContext({
        coupon: { discount_type: "fixed", currency_code: "eur" },
        cart: { currency_code: "usd" },
      })
      expect(evaluate(context)).toEqual({
        eligible: false,
        reason: "currency_not_supported",
        message: "This code cannot be used for purchases in USD.",
      })
    })

    it("should accept a fixed-amount coupon in the cart's currency whatever the case", () => {
      const context = makeContext({
        coupon: { discount_type: "fixed", currency_code: "EUR" },
        cart: { currency_code: "eur" },
      })
      expect(reasonOf(context)).toBeNull()
    })

    it("should accept a percentage coupon whatever its currency_code", () => {
      const context = makeContext({
        coupon: { discount_type: "percentage", currency_code: "eur" },
        cart: { currency_code: "usd" },
      })
      expect(reasonOf(context)).toBeNull()
    })

    it("should refuse a cart currency outside the currency_codes allow-list", () => {
      const context = makeContext({ coupon: { currency_codes: ["eur", "gbp"] }, cart: { currency_code: "usd" } })
      expect(reasonOf(context)).toBe("currency_not_supported")
    })

    it("should accept a cart currency on the allow-list whatever the case", () => {
      const context = makeContext({ coupon: { currency_codes: ["EUR", "USD"] }, cart: { currency_code: "usd" } })
      expect(reasonOf(context)).toBeNull()
    })

    it("should refuse a fixed coupon in the cart's currency when the allow-list leaves that currency out", () => {
      const context = makeContext({
        coupon: { discount_type: "fixed", currency_code: "usd", currency_codes: ["eur"] },
        cart: { currency_code: "usd" },
      })
      expect(reasonOf(context)).toBe("currency_not_supported")
    })

    it("should keep a capped percentage to the cap's currency", () => {
      const capped = { discount_type: "percentage" as const, max_discount_amount: 10, currency_code: "usd" }
      expect(reasonOf(makeContext({ coupon: capped, cart: { currency_code: "eur" } }))).toBe("currency_not_supported")
      expect(reasonOf(makeContext({ coupon: capped, cart: { currency_code: "usd" } }))).toBeNull()
      expect(
        reasonOf(makeContext({ coupon: { discount_type: "percentage", currency_code: "usd" }, cart: { currency_code: "eur" } }))
      ).toBeNull()
    })
  })

  describe("not_combinable", () => {
    it("should refuse a non-combinable coupon when another code is on the cart", () => {
      const context = makeContext({ coupon: { combinable: false }, cart: { applied: [makeApplied()] } })
      expect(evaluate(context)).toEqual({
        eligible: false,
        reason: "not_combinable",
        message: "SUMMER-10 can't be combined with OTHER-1.",
      })
    })

    it("should refuse a non-combinable coupon beside Medusa's own promotion codes, naming the first one", () => {
      const context = makeContext({ coupon: { combinable: false }, cart: { other_promotions: ["NATIVE5"] } })
      expect(evaluate(context)).toEqual({ eligible: false, reason: "not_combinable", message: "SUMMER-10 can't be combined with NATIVE5." })
    })

    it("should let a combinable coupon stack with Medusa's own promotion codes", () => {
      const context = makeContext({ coupon: { combinable: true }, cart: { other_promotions: ["NATIVE5"] } })
      expect(reasonOf(context)).toBeNull()
    })

    it("should not name a hashed code by its digest", () => {
      const context = makeContext({
        code: { code: "#abc123" },
        coupon: { combinable: false },
        cart: { applied: [makeApplied({ code: "#def456" })] },
      })
      expect(evaluate(context)).toMatchObject({ message: "This code can't be combined with another code in your cart." })
    })

    it("should refuse a combinable coupon when the code on the cart is not combinable", () => {
      const context = makeContext({
        coupon: { combinable: true },
        cart: { applied: [makeApplied({ combinable: false })] },
      })
      expect(reasonOf(context)).toBe("not_combinable")
    })

    it("should accept a combinable coupon next to other combinable codes", () => {
      const context = makeContext({
        coupon: { combinable: true },
        cart: {
          applied: [makeApplied({ code: "OTHER-1", coupon_id: "coupon_2" }), makeApplied({ code: "OTHER-2", coupon_id: "coupon_3" })],
        },
      })
      expect(reasonOf(context)).toBeNull()
    })

    it("should refuse a combinable coupon when one of several codes on the cart is not combinable", () => {
      const context = makeContext({
        coupon: { combinable: true },
        cart: {
          applied: [
            makeApplied({ code: "OTHER-1", coupon_id: "coupon_2" }),
            makeApplied({ code: "OTHER-2", coupon_id: "coupon_3", combinable: false }),
          ],
        },
      })
      expect(reasonOf(context)).toBe("not_combinable")
    })

    it("should refuse a second code of the same coupon even when the coupon is combinable", () => {
      const context = makeContext({
        coupon: { id: "coupon_1", combinable: true },
        code: { code: "BULK-AAAA" },
        cart: { applied: [makeApplied({ code: "BULK-BBBB", coupon_id: "coupon_1", combinable: true })] },
      })
      expect(reasonOf(context)).toBe("not_combinable")
    })

    it("should accept a non-combinable coupon on a cart without other codes", () => {
      expect(reasonOf(makeContext({ coupon: { combinable: false }, cart: { applied: [] } }))).toBeNull()
    })

    it("should not count the code itself as another code at completion", () => {
      const context = makeContext({
        phase: "complete",
        coupon: { combinable: false },
        cart: { applied: [makeApplied({ code: "SUMMER-10", coupon_id: "coupon_1", combinable: false })] },
      })
      expect(reasonOf(context)).toBeNull()
    })
  })

  describe("already_applied", () => {
    const applied = [makeApplied({ code: "SUMMER-10", coupon_id: "coupon_1", combinable: false })]

    it("should refuse a code that is already on the cart", () => {
      expect(evaluate(makeContext({ cart: { applied } }))).toEqual({
        eligible: false,
        reason: "already_applied",
        message: "This code is already applied to your cart.",
      })
    })

    it("should refuse an already applied code in phase validate too", () => {
      expect(reasonOf(makeContext({ phase: "validate", cart: { applied } }))).toBe("already_applied")
    })

    it("should not refuse the code at completion, where it is expected on the cart", () => {
      expect(reasonOf(makeContext({ phase: "complete", cart: { applied } }))).toBeNull()
    })
  })

  describe("rule order", () => {
    it("should use every reason code except not_found and invalid_code in the default rules, each once but the two minimums", () => {
      const reasons = defaultCouponRules.map((rule) => rule.reason)
      // the cart minimum and the matching-lines minimum share min_subtotal_not_met
      expect(reasons.filter((reason) => reason === "min_subtotal_not_met")).toHaveLength(2)
      const distinct = [...new Set(reasons)]
      expect(distinct).toHaveLength(reasons.length - 1)
      expect(distinct.sort()).toEqual(COUPON_REASONS.filter((reason) => reason !== "not_found" && reason !== "invalid_code").sort())
    })

    it("should report the first failing rule, then the next once that one is fixed", () => {
      // a context that fails every default rule at once
      let context = makeContext({
        phase: "apply",
        coupon: {
          status: "inactive",
          starts_at: msFrom(NOW, DAY),
          ends_at: msFrom(NOW, -DAY),
          usage_limit: 1,
          usage_count: 1,
          combinable: false,
          discount_type: "fixed",
          currency_code: "eur",
          sales_channel_ids: ["sc_pos"],
          allowed_email_domains: ["example.org"],
          usage_limit_per_customer: 1,
          min_subtotal: 500,
        },
        code: { code: "SUMMER-10", usage_limit: 1, usage_count: 1 },
        cart: {
          currency_code: "usd",
          sales_channel_id: "sc_web",
          email: "a@example.com",
          subtotal: 10,
          applied: [makeApplied({ code: "SUMMER-10", coupon_id: "coupon_1" }), makeApplied({ code: "OTHER-1", coupon_id: "coupon_2" })],
        },
        customer_usage_count: 1,
      })

      const fixes: [string, (c: EligibilityContext) => EligibilityContext][] = [
        ["inactive", (c) => ({ ...c, coupon: { ...c.coupon!, status: "active" } })],
        ["not_started", (c) => ({ ...c, coupon: { ...c.coupon!, starts_at: null } })],
        ["expired", (c) => ({ ...c, coupon: { ...c.coupon!, ends_at: null } })],
        ["usage_limit_reached", (c) => ({ ...c, coupon: { ...c.coupon!, usage_limit: null } })],
        ["code_usage_limit_reached", (c) => ({ ...c, code: { ...c.code!, usage_limit: null } })],
        ["already_applied", (c) => ({ ...c, cart: { ...c.cart!, applied: c.cart!.applied.filter((a) => a.code !== "SUMMER-10") } })],
        ["not_combinable", (c) => ({ ...c, cart: { ...c.cart!, applied: [] } })],
        ["currency_not_supported", (c) => ({ ...c, coupon: { ...c.coupon!, discount_type: "percentage" } })],
        ["sales_channel_not_allowed", (c) => ({ ...c, coupon: { ...c.coupon!, sales_channel_ids: [] } })],
        ["email_not_allowed", (c) => ({ ...c, coupon: { ...c.coupon!, allowed_email_domains: [] } })],
        ["customer_limit_reached", (c) => ({ ...c, customer_usage_count: 0 })],
        ["min_subtotal_not_met", (c) => ({ ...c, coupon: { ...c.coupon!, min_subtotal: null } })],
      ]

      const seen: (string | null)[] = []
      for (const [, fix] of fixes) {
        seen.push(reasonOf(context))
        context = fix(context)
      }
      seen.push(reasonOf(context))

      expect(seen).toEqual([
        "inactive",
        "not_started",
        "expired",
        "usage_limit_reached",
        "code_usage_limit_reached",
        "already_applied",
        "not_combinable",
        "currency_not_supported",
        "sales_channel_not_allowed",
        "email_not_allowed",
        "customer_limit_reached",
        "min_subtotal_not_met",
        null,
      ])
      expect(seen.slice(0, -1)).toEqual(fixes.map(([reason]) => reason))
    })

    it("should report expired rather than usage_limit_reached for an expired, used-up coupon", () => {
      const context = makeContext({ coupon: { ends_at: msFrom(NOW, -1), usage_limit: 1, usage_count: 1 } })
      expect(reasonOf(context)).toBe("expired")
    })

    it("should report inactive rather than expired for a disabled code of an ended coupon", () => {
      const context = makeContext({ coupon: { ends_at: msFrom(NOW, -1) }, code: { status: "disabled" } })
      expect(reasonOf(context)).toBe("inactive")
    })
  })

  describe("with custom rules", () => {
    const rule = (name: string, passes: boolean): CouponRule & { check: jest.Mock } => ({
      name,
      reason: `${name}_failed`,
      reads: () => [],
      check: jest.fn(() => passes),
      message: ({ code }) => `${name} refused ${code.code}`,
    })

    it("should answer with the first failing rule and run no rule after it", () => {
      const first = rule("first", true)
      const second = rule("second", false)
      const third = rule("third", false)
      const result = evaluateEligibility(makeContext(), [first, second, third])
      expect(result).toEqual({ eligible: false, reason: "second_failed", message: "second refused SUMMER-10" })
      expect(first.check).toHaveBeenCalledTimes(1)
      expect(second.check).toHaveBeenCalledTimes(1)
      expect(third.check).not.toHaveBeenCalled()
    })

    it("should pass the found context to each rule", () => {
      const first = rule("first", true)
      const context = makeContext()
      evaluateEligibility(context, [first])
      expect(first.check).toHaveBeenCalledWith(context)
    })

    it("should accept when every rule passes, and when there are no rules", () => {
      expect(evaluateEligibility(makeContext(), [rule("a", true), rule("b", true)])).toEqual({ eligible: true, pending: [] })
      expect(evaluateEligibility(makeContext({ coupon: { status: "draft" } }), [])).toEqual({ eligible: true, pending: [] })
    })
  })
})
