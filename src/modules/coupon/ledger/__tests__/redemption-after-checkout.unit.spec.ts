import fc from "fast-check"
import { redemptionAfterCheckout, type OrderAfterCheckout } from "../redemption-after-checkout"

const CODES = ["CPN-A", "CPN-A-TI"]
const GIVE_BACK = { full_return: true, full_refund: true }
const KEEP = { full_return: false, full_refund: false }

/** 3 units at 100 with 30 of coupon discount on the line, 10 shipping, paid 308 (10 % tax). */
const order = (overrides: Partial<OrderAfterCheckout> = {}, returned = 0): OrderAfterCheckout => ({
  total: 308,
  items: [{ quantity: 3, returned_quantity: returned, adjustments: [{ code: "CPN-A", amount: 30 }] }],
  shipping_methods: [{ adjustments: [] }],
  paid_total: 308,
  refunded_total: 0,
  ...overrides,
})

describe("redemptionAfterCheckout", () => {
  it("should keep a placed order's redemption as it is", () => {
    expect(redemptionAfterCheckout(order(), CODES, GIVE_BACK, { status: "redeemed" })).toEqual({
      discount_amount: 30,
      returned_discount_amount: 0,
      refunded_amount: 0,
      order_total: 308,
      status: "redeemed",
      release_usage: false,
    })
  })

  it("should take the returned units' share of the discount off and keep the usage on a partial return", () => {
    expect(redemptionAfterCheckout(order({ total: 209 }, 1), CODES, GIVE_BACK, { status: "redeemed" })).toEqual({
      discount_amount: 20,
      returned_discount_amount: 10,
      refunded_amount: 0,
      order_total: 209,
      status: "partially_returned",
      release_usage: false,
    })
  })

  it("should give the usage back on a full return only when the policy says so", () => {
    const returned = order({ total: 11 }, 3)
    expect(redemptionAfterCheckout(returned, CODES, GIVE_BACK, { status: "partially_returned" })).toMatchObject({
      discount_amount: 0,
      returned_discount_amount: 30,
      status: "returned",
      release_usage: true,
    })
    expect(redemptionAfterCheckout(returned, CODES, KEEP, { status: "redeemed" })).toMatchObject({
      status: "returned",
      release_usage: false,
    })
  })

  it("should revert on a full refund when the policy says so, and record a partial refund", () => {
    expect(redemptionAfterCheckout(order({ refunded_total: 308 }), CODES, GIVE_BACK, { status: "redeemed" })).toMatchObject({
      status: "reverted",
      refunded_amount: 308,
      release_usage: true,
    })
    expect(redemptionAfterCheckout(order({ refunded_total: 308 }), CODES, KEEP, { status: "redeemed" })).toMatchObject({
      status: "redeemed",
      refunded_amount: 308,
      release_usage: false,
    })
    expect(redemptionAfterCheckout(order({ refunded_total: 50 }), CODES, GIVE_BACK, { status: "redeemed" })).toMatchObject({
      status: "redeemed",
      refunded_amount: 50,
      release_usage: false,
    })
  })

  it("should not count a refund of an order nothing was paid for as a full refund", () => {
    expect(redemptionAfterCheckout(order({ paid_total: 0 }), CODES, GIVE_BACK, { status: "redeemed" })?.status).toBe("redeemed")
  })

  it("should leave a reverted redemption alone", () => {
    expect(redemptionAfterCheckout(order({}, 3), CODES, GIVE_BACK, { status: "reverted" })).toBeNull()
  })

  it("should read only the coupon's own promotions, the tax-inclusive twin included, and its shipping discount", () => {
    const mixed = order({
      items: [
        {
          quantity: 2,
          returned_quantity: 1,
          adjustments: [
            { code: "CPN-A-TI", amount: 12 },
            { code: "OTHER", amount: 50 },
          ],
        },
        { quantity: 1, returned_quantity: 0, adjustments: [{ code: null, amount: 5 }] },
      ],
      shipping_methods: [{ adjustments: [{ code: "CPN-A", amount: 10 }] }],
    })
    expect(redemptionAfterCheckout(mixed, CODES, GIVE_BACK, { status: "redeemed" })).toMatchObject({
      discount_amount: 16,
      returned_discount_amount: 6,
      status: "partially_returned",
    })
  })

  it("should never keep more than the checkout's discount nor less than nothing, and split it exactly into kept and returned", () => {
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 20 }),
      returned: fc.integer({ min: 0, max: 25 }),
      discount: fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100),
    })
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.boolean(), (lines, giveBack) => {
        const placed = order({
          items: lines.map((l) => ({
            quantity: l.quantity,
            returned_quantity: l.returned,
            adjustments: [{ code: "CPN-A", amount: l.discount }],
          })),
        })
        const total = lines.reduce((sum, l) => sum + l.discount, 0)
        const state = redemptionAfterCheckout(placed, CODES, { full_return: giveBack, full_refund: giveBack }, { status: "redeemed" })!
        expect(state.discount_amount).toBeGreaterThanOrEqual(0)
        expect(state.discount_amount).toBeLessThanOrEqual(total + 1e-6)
        expect(Math.abs(state.discount_amount + state.returned_discount_amount - total)).toBeLessThan(1e-5)
        const everyLineBack = lines.every((l) => l.returned >= l.quantity)
        expect(state.status).toBe(everyLineBack ? "returned" : lines.some((l) => l.returned > 0) ? "partially_returned" : "redeemed")
        expect(state.release_usage).toBe(everyLineBack && giveBack)
        // the same order read again gives the same answer
        expect(redemptionAfterCheckout(placed, CODES, { full_return: giveBack, full_refund: giveBack }, { status: state.status })).toEqual(
          state
        )
      })
    )
  })
})
