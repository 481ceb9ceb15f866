import type { CartItemSnapshot, EligibilityContext } from "../index"
import { buyGetApplications, composeRules, defaultCouponRules, evaluateEligibility, matchingItems } from "../index"
import { makeContext } from "./fixtures"

const jacket: CartItemSnapshot = {
  id: "item_jacket",
  quantity: 1,
  subtotal: 100,
  product_id: "prod_jacket",
  collection_id: "pcol_outerwear",
  category_ids: ["pcat_coats", "pcat_winter"],
  type_id: "ptyp_apparel",
}
const socks: CartItemSnapshot = { id: "item_socks", quantity: 2, subtotal: 40, product_id: "prod_socks", category_ids: [] }

const reasonOf = (context: EligibilityContext) => {
  const result = evaluateEligibility(context, defaultCouponRules)
  return result.eligible ? null : result.reason
}
const messageOf = (context: EligibilityContext) => {
  const result = evaluateEligibility(context, defaultCouponRules)
  return result.eligible ? null : result.message
}

describe("matchingItems", () => {
  it.each([
    ["products", { product_ids: ["prod_socks"] }, ["item_socks"]],
    ["collections", { collection_ids: ["pcol_outerwear"] }, ["item_jacket"]],
    ["categories (any of the line's)", { category_ids: ["pcat_winter"] }, ["item_jacket"]],
    ["product types", { type_ids: ["ptyp_apparel"] }, ["item_jacket"]],
    ["nothing named: every line", {}, ["item_jacket", "item_socks"]],
  ])("should select lines by %s", (_name, targets, expected) => {
    expect(matchingItems({ targets }, [jacket, socks]).map((item) => item.id)).toEqual(expected)
  })

  it("should drop lines any exclusion names, whatever the targets say", () => {
    expect(matchingItems({ excluded_targets: { category_ids: ["pcat_coats"] } }, [jacket, socks]).map((item) => item.id)).toEqual([
      "item_socks",
    ])
    expect(
      matchingItems({ targets: { product_ids: ["prod_jacket", "prod_socks"] }, excluded_targets: { product_ids: ["prod_socks"] } }, [
        jacket,
        socks,
      ]).map((item) => item.id)
    ).toEqual(["item_jacket"])
  })

  it("should not match a line without the named attribute (a product in no collection)", () => {
    expect(matchingItems({ targets: { collection_ids: ["pcol_outerwear"] } }, [socks])).toEqual([])
  })
})

describe("buyGetApplications", () => {
  const sameProduct = {
    buy_targets: { product_ids: ["prod_socks"] },
    targets: { product_ids: ["prod_socks"] },
    buy_quantity: 2,
    get_quantity: 1,
  }

  it.each([
    [2, 0],
    [3, 1],
    [5, 1],
    [6, 2],
    [9, 3],
  ])("should fit buy 2 get 1 of one product into %i units %i times", (units, times) => {
    expect(buyGetApplications(sameProduct, [{ ...socks, quantity: units }])).toBe(times)
  })

  it("should count buy and get lines of different products separately", () => {
    const coupon = {
      buy_targets: { product_ids: ["prod_jacket"] },
      targets: { product_ids: ["prod_socks"] },
      buy_quantity: 1,
      get_quantity: 1,
    }
    expect(
      buyGetApplications(coupon, [
        { ...jacket, quantity: 3 },
        { ...socks, quantity: 2 },
      ])
    ).toBe(2)
    expect(buyGetApplications(coupon, [{ ...jacket, quantity: 3 }])).toBe(0)
  })
})

describe("condition rules", () => {
  const cart = { items: [jacket, socks] }

  it("should answer no_matching_items for a targeted coupon with no matching line", () => {
    expect(reasonOf(makeContext({ coupon: { targets: { product_ids: ["prod_hat"] } }, cart }))).toBe("no_matching_items")
    expect(reasonOf(makeContext({ coupon: { targets: { product_ids: ["prod_socks"] } }, cart }))).toBeNull()
  })

  it("should answer no_matching_items for free shipping on another shipping option, once one is chosen", () => {
    const coupon = { discount_type: "free_shipping" as const, shipping_option_ids: ["so_express"] }
    expect(reasonOf(makeContext({ coupon, cart: { ...cart, shipping_option_ids: ["so_standard"] } }))).toBe("no_matching_items")
    expect(reasonOf(makeContext({ coupon, cart: { ...cart, shipping_option_ids: [] } }))).toBeNull()
    expect(reasonOf(makeContext({ coupon, cart: { ...cart, shipping_option_ids: ["so_express"] } }))).toBeNull()
  })

  it("should count only matching units toward min_quantity and say how many are missing", () => {
    const coupon = { targets: { product_ids: ["prod_socks"] }, min_quantity: 3 }
    const context = makeContext({ coupon, cart })
    expect(reasonOf(context)).toBe("min_quantity_not_met")
    expect(messageOf(context)).toBe("Add 1 more eligible item to use this code (minimum 3).")
  })

  it("should compare min_matching_subtotal with the matching lines only", () => {
    const coupon = { targets: { product_ids: ["prod_socks"] }, min_matching_subtotal: 50 }
    expect(reasonOf(makeContext({ coupon, cart }))).toBe("min_subtotal_not_met")
    expect(messageOf(makeContext({ coupon, cart }))).toBe("Add $10.00 more of eligible items to use this code (minimum $50.00).")
    expect(reasonOf(makeContext({ coupon: { ...coupon, min_matching_subtotal: 40 }, cart }))).toBeNull()
  })

  it("should refuse buy X get Y until the cart fits one application", () => {
    const coupon = {
      discount_type: "buy_get" as const,
      buy_targets: { product_ids: ["prod_socks"] },
      targets: { product_ids: ["prod_socks"] },
      buy_quantity: 2,
      get_quantity: 1,
    }
    expect(reasonOf(makeContext({ coupon, cart }))).toBe("min_quantity_not_met")
    expect(reasonOf(makeContext({ coupon, cart: { items: [{ ...socks, quantity: 3 }] } }))).toBeNull()
    // a minimum quantity on top of it still counts
    expect(reasonOf(makeContext({ coupon: { ...coupon, min_quantity: 6 }, cart: { items: [{ ...socks, quantity: 3 }] } }))).toBe(
      "min_quantity_not_met"
    )
  })

  it("should keep group codes to the group, members-only codes to accounts", () => {
    expect(reasonOf(makeContext({ coupon: { customer_group_ids: ["cusgroup_vip"] }, cart: { customer_group_ids: [] } }))).toBe(
      "customer_group_not_allowed"
    )
    expect(
      reasonOf(makeContext({ coupon: { customer_group_ids: ["cusgroup_vip"] }, cart: { customer_group_ids: ["cusgroup_vip"] } }))
    ).toBeNull()
    expect(reasonOf(makeContext({ coupon: { requires_login: true }, cart: { has_account: false } }))).toBe("login_required")
    expect(reasonOf(makeContext({ coupon: { requires_login: true }, cart: { has_account: true } }))).toBeNull()
  })

  it("should refuse first-order codes with earlier orders, and wait for an identity until completion", () => {
    const coupon = { first_order_only: true }
    expect(reasonOf(makeContext({ coupon, previous_order_count: 1 }))).toBe("first_order_only")
    expect(reasonOf(makeContext({ coupon, previous_order_count: 0 }))).toBeNull()
    expect(reasonOf(makeContext({ coupon, previous_order_count: null }))).toBeNull()
    expect(reasonOf(makeContext({ coupon, previous_order_count: null, phase: "complete" }))).toBe("first_order_only")
  })

  it("should stop at the budget of the cart's currency only", () => {
    const coupon = { budget_limits: { usd: 50 } }
    expect(reasonOf(makeContext({ coupon, budget_used: 49.99 }))).toBeNull()
    expect(reasonOf(makeContext({ coupon, budget_used: 50 }))).toBe("budget_exhausted")
    expect(reasonOf(makeContext({ coupon, budget_used: 50, cart: { currency_code: "eur" } }))).toBeNull()
  })

  it("should keep assigned codes to their email or customer", () => {
    const code = { assigned_email: "alex@example.com" }
    expect(reasonOf(makeContext({ code, cart: { email: "ALEX@example.com", customer_id: null } }))).toBeNull()
    expect(reasonOf(makeContext({ code, cart: { email: "sam@example.com", customer_id: null } }))).toBe("not_assigned_to_you")
    expect(
      reasonOf(makeContext({ code: { assigned_customer_id: "cus_1" }, cart: { email: "any@example.com", customer_id: "cus_1" } }))
    ).toBeNull()
    expect(reasonOf(makeContext({ code, cart: { email: null, customer_id: null }, phase: "complete" }))).toBe("not_assigned_to_you")
  })
})

describe("composeRules", () => {
  const own = { name: "vip-only", reason: "vip_only", check: () => false, message: "VIPs only." }

  it("should run the merchant's rules after the built-in ones", () => {
    const rules = composeRules(defaultCouponRules, [own])
    expect(rules.map((rule) => rule.name)).toEqual([...defaultCouponRules.map((rule) => rule.name), "vip-only"])
    expect(evaluateEligibility(makeContext(), rules)).toEqual({ eligible: false, reason: "vip_only", message: "VIPs only." })
  })

  it("should let a merchant rule replace the built-in rule of the same name, in its place", () => {
    const lenient = { name: "min-subtotal", reason: "min_subtotal_not_met", check: () => true, message: () => "" }
    const rules = composeRules(defaultCouponRules, [lenient])
    expect(rules).toHaveLength(defaultCouponRules.length)
    expect(evaluateEligibility(makeContext({ coupon: { min_subtotal: 1_000 } }), rules)).toEqual({ eligible: true, pending: [] })
    expect(reasonOf(makeContext({ coupon: { min_subtotal: 1_000 } }))).toBe("min_subtotal_not_met")
  })
})
