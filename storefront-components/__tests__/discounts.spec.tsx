import type { CouponCart } from "../src/types"
import { addedPromotions, discountForCode, promotionCodesOf, resolvePromotions } from "../src/discounts"
import { mergeCart } from "../src/merge-cart"
import { backing, FIVE, makeCart, SAVE10 } from "./helpers/carts"

describe("discounts per code", () => {
  it("gives a lone code the cart's whole discount (with the tax on it)", () => {
    const cart = makeCart([SAVE10])
    expect(discountForCode(cart, "SAVE10", ["SAVE10"], {})).toBe(11)
  })

  it("falls back to the cart's discount for a lone code when there are no adjustments to read", () => {
    const cart = makeCart([SAVE10], { items: undefined, shipping_methods: undefined, promotions: undefined })
    expect(discountForCode(cart, "SAVE10", ["SAVE10"], {})).toBe(11)
  })

  it("splits the discount by each code's adjustments", () => {
    const cart = makeCart([SAVE10, FIVE])
    const map = { SAVE10: [SAVE10.promotion], FIVE: [FIVE.promotion] }
    expect(discountForCode(cart, "SAVE10", ["SAVE10", "FIVE"], map)).toBeCloseTo(11)
    expect(discountForCode(cart, "FIVE", ["SAVE10", "FIVE"], map)).toBeCloseTo(5.5)
  })

  it("reads shipping adjustments by promotion code", () => {
    const cart = makeCart([SAVE10], {
      shipping_methods: [{ id: "ship_1", adjustments: [{ id: "s1", code: SAVE10.promotion, amount: 10 }] }],
      discount_total: 22,
    })
    expect(discountForCode(cart, "SAVE10", ["SAVE10", "OTHER"], { SAVE10: [SAVE10.promotion] })).toBeCloseTo(22)
  })

  it("cannot tell codes apart without knowing their promotions", () => {
    const cart = makeCart([SAVE10, FIVE])
    expect(discountForCode(cart, "SAVE10", ["SAVE10", "FIVE"], {})).toBeNull()
  })

  it("gives the one unaccounted code the coupon promotions nobody claims", () => {
    const cart = makeCart([SAVE10, FIVE])
    expect(resolvePromotions(cart, ["SAVE10", "FIVE"], { SAVE10: [SAVE10.promotion] })).toEqual({
      SAVE10: [SAVE10.promotion],
      FIVE: [FIVE.promotion],
    })
    expect(resolvePromotions(cart, ["SAVE10", "FIVE"], {})).toEqual({})
  })

  it("ignores remembered promotions that left the cart and leaves native promotions out", () => {
    const cart = makeCart([SAVE10], {
      promotions: [
        { id: "p_a", code: SAVE10.promotion },
        { id: "p_n", code: "WINTER" },
      ],
    })
    expect(resolvePromotions(cart, ["SAVE10"], { SAVE10: [backing("Z")] })).toEqual({ SAVE10: [SAVE10.promotion] })
  })

  it("reads promotions named after the codes, as the plugin shows them, with nothing learned", () => {
    const cart = makeCart([SAVE10, FIVE], {
      promotions: [
        { id: "p_a", code: "SAVE10" },
        { id: "p_b", code: "FIVE" },
      ],
      items: [
        {
          id: "item_1",
          adjustments: [
            { id: "a1", code: "SAVE10", amount: 10 },
            { id: "a2", code: "FIVE", amount: 5 },
          ],
        },
      ],
      discount_total: 16.5,
    })
    const map = resolvePromotions(cart, ["SAVE10", "FIVE"], {})
    expect(map).toEqual({ SAVE10: ["SAVE10"], FIVE: ["FIVE"] })
    expect(discountForCode(cart, "SAVE10", ["SAVE10", "FIVE"], map)).toBeCloseTo(11)
    expect(discountForCode(cart, "FIVE", ["SAVE10", "FIVE"], map)).toBeCloseTo(5.5)
  })

  it("finds the promotions an apply added, preferring coupon promotions", () => {
    const before = makeCart([SAVE10])
    const after = makeCart([SAVE10, FIVE], {
      promotions: [...makeCart([SAVE10, FIVE]).promotions!, { id: "p_n", code: "AUTO" }],
    })
    expect(addedPromotions(before, after)).toEqual([FIVE.promotion])
    expect(addedPromotions(null, makeCart([FIVE]))).toEqual([FIVE.promotion])
    expect(promotionCodesOf(makeCart([SAVE10], { promotions: undefined }))).toEqual([SAVE10.promotion])
  })
})

describe("mergeCart", () => {
  it("keeps what the coupon routes leave out of their answer", () => {
    const jacket = { id: "item_jacket", thumbnail: "jacket.png", adjustments: [] }
    const previous = makeCart([], { shipping_address: { city: "Paris" }, items: [jacket] })
    const merged: CouponCart & { shipping_address?: unknown } = mergeCart(previous, makeCart([SAVE10]))
    expect(merged.shipping_address).toEqual({ city: "Paris" })
    expect(merged.items?.[0]).toMatchObject({ thumbnail: "jacket.png", title: "Jacket", adjustments: [expect.any(Object)] })
    expect(merged.discount_total).toBe(11)
  })

  it("replaces a different cart whole", () => {
    const next = makeCart([], { id: "cart_02" })
    expect(mergeCart(makeCart([], { region: "x" }), next)).toBe(next)
  })
})
