import fc from "fast-check"
import {
  BACKING_CODE_IN_TEXT,
  backingCodeOf,
  backingPromotionData,
  couponPromotionsData,
  currencyPromotionCode,
  newBackingPromotionCode,
  pairCurrencyOf,
  taxInclusiveTwinCode,
} from "../promotion-data"

const coupon = (overrides: Record<string, unknown> = {}) =>
  ({
    status: "active",
    discount_type: "percentage",
    discount_value: 10,
    currency_code: "usd",
    target: "order",
    ...overrides,
  }) as Parameters<typeof backingPromotionData>[0]

describe("backing promotion codes", () => {
  it("should draw codes the store's code finder recognises, with and without the twin's suffix", () => {
    for (let i = 0; i < 50; i++) {
      const code = newBackingPromotionCode()
      expect(code).toMatch(/^CPN-[A-Z0-9]{32}$/)
      expect(`see ${code}.`.match(BACKING_CODE_IN_TEXT)).toEqual([code])
      expect(`x${taxInclusiveTwinCode(code)} y`.match(BACKING_CODE_IN_TEXT)).toBeNull()
      expect(`(${taxInclusiveTwinCode(code)})`.match(BACKING_CODE_IN_TEXT)).toEqual([taxInclusiveTwinCode(code)])
      expect(backingCodeOf(taxInclusiveTwinCode(code))).toBe(code)
      expect(backingCodeOf(code)).toBe(code)
    }
  })

  it("should find a currency pair's codes and lead them back to their backing code", () => {
    const code = newBackingPromotionCode()
    const eur = currencyPromotionCode(code, "eur")
    expect(eur).toBe(`${code}-EUR`)
    for (const pairCode of [eur, taxInclusiveTwinCode(eur)]) {
      expect(`"${pairCode}"`.match(BACKING_CODE_IN_TEXT)).toEqual([pairCode])
      expect(backingCodeOf(pairCode)).toBe(code)
    }
    // a merchant's own code is its own
    expect(backingCodeOf("SUMMER-EUR")).toBe("SUMMER-EUR")
  })

  it("should never find a code inside text that holds none", () => {
    fc.assert(fc.property(fc.string(), (text) => expect(text.replace(/CPN-/g, "").match(BACKING_CODE_IN_TEXT)).toBeNull()))
  })
})

describe("backingPromotionData", () => {
  it("should map a percentage coupon on the order to an order-wide percentage, its twin inactive", () => {
    const data = backingPromotionData(coupon(), "CPN-X")
    expect(data).toMatchObject({
      code: "CPN-X",
      type: "standard",
      status: "active",
      is_automatic: false,
      is_tax_inclusive: false,
      rules: [],
    })
    expect(data.application_method).toMatchObject({ type: "percentage", target_type: "order", allocation: "across", value: 10 })
    expect(backingPromotionData(coupon(), "CPN-X-TI", true)).toMatchObject({ status: "inactive", is_tax_inclusive: true })
  })

  it("should split a fixed coupon between the pair by the lines' tax mode", () => {
    const fixed = coupon({ discount_type: "fixed", discount_value: 15, currency_code: "EUR" })
    expect(backingPromotionData(fixed, "CPN-X")).toMatchObject({
      status: "active",
      rules: [{ attribute: "items.is_tax_inclusive", operator: "ne", values: ["true"] }],
      application_method: { type: "fixed", value: 15, currency_code: "eur" },
    })
    expect(backingPromotionData(fixed, "CPN-X-TI", true)).toMatchObject({
      status: "active",
      is_tax_inclusive: true,
      rules: [{ attribute: "items.is_tax_inclusive", operator: "eq", values: ["true"] }],
    })
  })

  it("should discount shipping methods, only the chosen options, for free shipping", () => {
    const data = backingPromotionData(coupon({ discount_type: "free_shipping", shipping_option_ids: ["so_1", "so_1"] }), "CPN-X")
    expect(data.application_method).toMatchObject({
      type: "percentage",
      value: 100,
      target_type: "shipping_methods",
      target_rules: [{ attribute: "shipping_methods.shipping_option_id", operator: "in", values: ["so_1"] }],
    })
  })

  it("should make buy X get Y a buyget promotion with its buy rules and as many applications as fit", () => {
    const data = backingPromotionData(
      coupon({
        discount_type: "buy_get",
        discount_value: 100,
        buy_quantity: 2,
        get_quantity: 1,
        buy_targets: { product_ids: ["prod_a"] },
        targets: { product_ids: ["prod_b"] },
      }),
      "CPN-X"
    )
    expect(data.type).toBe("buyget")
    expect(data.application_method).toMatchObject({
      type: "percentage",
      allocation: "each",
      target_type: "items",
      buy_rules_min_quantity: 2,
      apply_to_quantity: 1,
      max_quantity: 10_000,
      target_rules: [{ attribute: "items.product.id", operator: "in", values: ["prod_b"] }],
      buy_rules: [{ attribute: "items.product.id", operator: "in", values: ["prod_a"] }],
    })
  })

  it("should leave a coupon that is not active with an inactive promotion", () => {
    expect(backingPromotionData(coupon({ status: "draft" }), "CPN-X").status).toBe("inactive")
  })
})

describe("currency pairs", () => {
  const multi = coupon({ discount_type: "fixed", discount_value: 15, currency_code: "usd", amounts: { usd: 15, eur: 12, gbp: 11 } })

  it("should give each currency besides the primary one a pair with its own amount and currency", () => {
    const data = couponPromotionsData(multi, "CPN-X")
    expect(
      data.map((promotion) => [
        promotion.code,
        promotion.is_tax_inclusive,
        promotion.application_method?.value,
        promotion.application_method?.currency_code,
      ])
    ).toEqual([
      ["CPN-X", false, 15, "usd"],
      ["CPN-X-TI", true, 15, "usd"],
      ["CPN-X-EUR", false, 12, "eur"],
      ["CPN-X-EUR-TI", true, 12, "eur"],
      ["CPN-X-GBP", false, 11, "gbp"],
      ["CPN-X-GBP-TI", true, 11, "gbp"],
    ])
    // each pair splits the carts by their prices' tax mode, as the backing pair does
    expect(data[2].rules).toEqual([{ attribute: "items.is_tax_inclusive", operator: "ne", values: ["true"] }])
    expect(data[3].rules).toEqual([{ attribute: "items.is_tax_inclusive", operator: "eq", values: ["true"] }])
  })

  it("should offer a cart its currency's pair only where the coupon has one", () => {
    expect(pairCurrencyOf(multi as never, "EUR")).toBe("eur")
    expect(pairCurrencyOf(multi as never, "usd")).toBeNull()
    expect(pairCurrencyOf(multi as never, "jpy")).toBeNull()
    expect(pairCurrencyOf(coupon({ discount_type: "percentage", amounts: null }) as never, "eur")).toBeNull()
    expect(couponPromotionsData(coupon(), "CPN-Y")).toHaveLength(2)
  })
})
