import fc from "fast-check"
import { discountCapIn, extraAmountCurrencies, fixedAmountIn, hasValuesIn, minSubtotalIn } from "../currency-values"
import { couponCrossFieldProblems, withPrimaryAmount } from "../../schemas/coupon-cross-field-rules"

describe("a coupon's values per currency", () => {
  const fixed = { discount_type: "fixed", discount_value: 15, currency_code: "usd", amounts: { usd: 15, eur: 12 } }

  it("should read a fixed coupon's amount in each currency it names, and none in others", () => {
    expect(fixedAmountIn(fixed, "EUR")).toBe(12)
    expect(fixedAmountIn(fixed, "usd")).toBe(15)
    expect(fixedAmountIn(fixed, "gbp")).toBeUndefined()
    // the single-currency fields keep their meaning
    expect(fixedAmountIn({ discount_type: "fixed", discount_value: 5, currency_code: "eur" }, "eur")).toBe(5)
    expect(fixedAmountIn({ discount_type: "fixed", discount_value: 5, currency_code: "eur" }, "usd")).toBeUndefined()
    expect(extraAmountCurrencies(fixed)).toEqual(["eur"])
  })

  it("should read caps and minimums per currency, or the single one", () => {
    const percentage = { discount_type: "percentage", discount_value: 50 }
    expect(discountCapIn(percentage, "usd")).toBeNull()
    expect(discountCapIn({ ...percentage, max_discount_amount: 10, currency_code: "usd" }, "usd")).toBe(10)
    expect(discountCapIn({ ...percentage, max_discount_amount: 10, currency_code: "usd" }, "eur")).toBeUndefined()
    expect(discountCapIn({ ...percentage, max_discount_amounts: { usd: 10, eur: 8 } }, "eur")).toBe(8)
    expect(minSubtotalIn({ ...percentage, min_subtotal: 40 }, "jpy")).toBe(40)
    expect(minSubtotalIn({ ...percentage, min_subtotals: { usd: 150 } }, "usd")).toBe(150)
    expect(minSubtotalIn({ ...percentage, min_subtotals: { usd: 150 } }, "eur")).toBeUndefined()
  })

  it("should apply in a currency exactly when every value it has has one there", () => {
    const currencies = fc.constantFrom("usd", "eur", "gbp", "jpy")
    const map = fc.option(fc.dictionary(currencies, fc.integer({ min: 1, max: 100 }), { minKeys: 1 }), { nil: null })
    fc.assert(
      fc.property(map, map, map, currencies, (amounts, caps, minimums, currency) => {
        const coupon = {
          discount_type: amounts ? "fixed" : "percentage",
          discount_value: 10,
          currency_code: amounts ? Object.keys(amounts)[0] : null,
          amounts,
          max_discount_amounts: amounts ? null : caps,
          min_subtotals: minimums,
        }
        const expected = (!amounts || currency in amounts) && (amounts || !caps || currency in caps) && (!minimums || currency in minimums)
        expect(hasValuesIn(coupon, currency)).toBe(expected)
      })
    )
  })
})

describe("withPrimaryAmount", () => {
  it("should set currency_code and discount_value from amounts, keeping a named primary currency", () => {
    expect(withPrimaryAmount({ amounts: { usd: 15, eur: 12 } })).toMatchObject({ currency_code: "usd", discount_value: 15 })
    expect(withPrimaryAmount({ amounts: { usd: 15, eur: 12 }, currency_code: "eur" })).toMatchObject({
      currency_code: "eur",
      discount_value: 12,
    })
    // an update keeps the stored primary currency while the amounts still name it
    expect(withPrimaryAmount({ amounts: { gbp: 9, eur: 11 } }, { currency_code: "eur" })).toMatchObject({
      currency_code: "eur",
      discount_value: 11,
    })
    expect(withPrimaryAmount({ currency_code: "eur" }, { currency_code: "usd", amounts: { usd: 15, eur: 12 } })).toMatchObject({
      discount_value: 12,
    })
    // nothing to do without amounts, or for an update that names neither amounts nor a currency
    expect(withPrimaryAmount({ discount_value: 3 })).toEqual({ discount_value: 3 })
    expect(withPrimaryAmount({ name: "x" }, { amounts: { usd: 1 } })).toEqual({ name: "x" })
  })

  it("should leave a contradicting discount_value for the cross-field rules to refuse", () => {
    const input = withPrimaryAmount({ discount_type: "fixed", amounts: { usd: 15 }, discount_value: 20 })
    expect(couponCrossFieldProblems(input).map((problem) => problem.path)).toEqual(["discount_value"])
  })
})
