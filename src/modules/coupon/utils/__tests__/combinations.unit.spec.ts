import fc from "fast-check"
import { combinableRule } from "../../rules/combinable"
import { maxCodesRule } from "../../rules/max-codes"
import { makeCode, makeContext, makeCoupon } from "../../rules/__tests__/fixtures"
import { combinesWithOf, combineTogether, DISCOUNT_CLASSES, discountClassOf, type CombinesWith } from "../combinations"

const judged = (rule: typeof combinableRule, context: ReturnType<typeof makeContext>) =>
  rule.check(context as never) ? null : rule.message(context as never)

describe("discount classes", () => {
  it("should class a coupon by what it takes money off", () => {
    expect(discountClassOf({ discount_type: "free_shipping" })).toBe("shipping")
    expect(discountClassOf({ discount_type: "percentage", target: "shipping" })).toBe("shipping")
    expect(discountClassOf({ discount_type: "percentage", target: "items" })).toBe("product")
    expect(discountClassOf({ discount_type: "buy_get" })).toBe("product")
    expect(discountClassOf({ discount_type: "fixed", target: "order", targets: { product_ids: ["p"] } })).toBe("product")
    expect(discountClassOf({ discount_type: "fixed", target: "order" })).toBe("order")
  })

  it("should read combinable as every class or none while combines_with is unset", () => {
    expect(combinesWithOf({ combinable: true })).toEqual({ order: true, product: true, shipping: true })
    expect(combinesWithOf({ combinable: false })).toEqual({ order: false, product: false, shipping: false })
    expect(combinesWithOf({ combinable: true, combines_with: { shipping: true } })).toEqual({
      order: false,
      product: false,
      shipping: true,
    })
  })

  it("should let two discounts share a cart exactly when each allows the other's class (symmetric)", () => {
    const side = fc.record({
      discount_class: fc.constantFrom(...DISCOUNT_CLASSES),
      combines_with: fc.record({ order: fc.boolean(), product: fc.boolean(), shipping: fc.boolean() }) as fc.Arbitrary<CombinesWith>,
    })
    fc.assert(
      fc.property(side, side, (a, b) => {
        expect(combineTogether(a, b)).toBe(combineTogether(b, a))
        expect(combineTogether(a, b)).toBe(a.combines_with[b.discount_class] && b.combines_with[a.discount_class])
      })
    )
  })
})

describe("combinable rule with classes", () => {
  const freeShipping = { code: "FREESHIP", coupon_id: "c2", combinable: true, discount_class: "shipping" as const }

  it("should name the code it clashes with, and pass where each side allows the other", () => {
    const order = makeCoupon({ combinable: true, combines_with: { order: false, product: false, shipping: true } })
    const onCart = (combines_with: CombinesWith) =>
      makeContext({ coupon: order, code: makeCode({ code: "WELCOME10" }), cart: { applied: [{ ...freeShipping, combines_with }] } })
    expect(judged(combinableRule, onCart({ order: true, product: false, shipping: false }))).toBeNull()
    expect(judged(combinableRule, onCart({ order: false, product: true, shipping: true }))).toBe(
      "WELCOME10 can't be combined with FREESHIP."
    )
  })
})

describe("max codes rule", () => {
  it("should count the other coupon codes and Medusa's typed codes, never the code itself twice", () => {
    const context = (applied: string[], native: string[], max: number | null) =>
      makeContext({
        code: makeCode({ code: "NEW" }),
        max_codes_per_cart: max,
        cart: {
          applied: applied.map((code) => ({ code, coupon_id: code, combinable: true })),
          native_codes: native,
        },
      })
    expect(maxCodesRule.check(context(["A"], [], 2) as never)).toBe(true)
    expect(maxCodesRule.check(context(["A", "B"], [], 2) as never)).toBe(false)
    expect(maxCodesRule.check(context(["A"], ["NATIVE5"], 2) as never)).toBe(false)
    // a recheck sees the code itself among the applied ones
    expect(maxCodesRule.check(context(["A", "NEW"], [], 2) as never)).toBe(true)
    expect(maxCodesRule.check(context(["A", "B", "C"], [], null) as never)).toBe(true)
    expect(maxCodesRule.message(context(["A"], [], 1) as never)).toBe(
      "Only one code can be used per order. Remove the other code to use this one."
    )
  })
})
