import { httpSuite } from "./fixtures/http-suite"
import { parse } from "csv-parse/sync"
import { adjustOrderRedemptionsWorkflow } from "../../src/workflows/adjust-order-redemptions"
import { applyCode, completeCart, createCart } from "./fixtures/checkout"
import { couponService, createCoupon, usageOf, validateCode } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

type Redemption = Awaited<ReturnType<typeof usageOf>>["redemptions"][number]

/*
 * After checkout, through Medusa's own admin routes: returns requested and received,
 * refunds of a captured payment, a confirmed order edit, an exchange, a cancel after a
 * partial return. Each order: 3 units at 100 with 10 % off (30), 10 shipping, 10 % tax:
 * 308 paid. The ledger follows on Medusa's events, after the response: the tests wait
 * for the row, then read the counters, the budget and the stats.
 */
export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const admin = (url: string, body: unknown = {}) => api.post(url, body, store.adminHeaders).then((response) => response.data)

  const tenOff = (code: string, extra: Record<string, unknown> = {}) =>
    createCoupon(getContainer(), {
      code,
      discount_type: "percentage",
      discount_value: 10,
      usage_limit: 10,
      usage_limit_per_customer: 1,
      budget_limits: { usd: 1000 },
      ...extra,
    } as Parameters<typeof createCoupon>[1])

  const placeOrder = async (email: string, code: string, region: "usd" | "eur" = "usd") => {
    const cartId = await createCart(api, store, { email, region, items: [{ variant_id: store.variantId, quantity: 3 }] })
    expect((await applyCode(api, store, cartId, code)).status).toBe(200)
    const { data } = await completeCart(api, store, cartId)
    expect(data.type).toBe("order")
    const {
      data: { order },
    } = await api.get(`/admin/orders/${data.order.id}?fields=id,total,items.id,payment_collections.payments.id`, store.adminHeaders)
    // 3 × 100 − 30 + 10 shipping, plus 10 % US tax (20 % German VAT: 336)
    expect(order.total).toBe(region === "usd" ? 308 : 336)
    return {
      id: order.id as string,
      itemId: order.items[0].id as string,
      paymentId: order.payment_collections[0].payments[0].id as string,
      total: order.total as number,
    }
  }

  const fulfil = (order: { id: string; itemId: string }) =>
    admin(`/admin/orders/${order.id}/fulfillments`, { items: [{ id: order.itemId, quantity: 3 }] })

  /** Medusa's receipt of a requested return (a return's, an exchange's or a claim's). */
  const receiveReturn = async (returnId: string, itemId: string, quantity: number) => {
    await admin(`/admin/returns/${returnId}/receive`)
    await admin(`/admin/returns/${returnId}/receive-items`, { items: [{ id: itemId, quantity }] })
    await admin(`/admin/returns/${returnId}/receive/confirm`)
  }

  /** Medusa's return flow: request the items, then receive them. */
  const returnUnits = async (order: { id: string; itemId: string }, quantity: number) => {
    const { return: created } = await admin("/admin/returns", { order_id: order.id })
    await admin(`/admin/returns/${created.id}/request-items`, { items: [{ id: order.itemId, quantity }] })
    await admin(`/admin/returns/${created.id}/request`)
    await receiveReturn(created.id, order.itemId, quantity)
  }

  /** The order's redemption once it matches (the ledger follows Medusa's events, after the response), with the counters after it. */
  const redemptionOf = async (couponId: string, orderId: string, matches: (row: Redemption) => boolean) => {
    const deadline = Date.now() + 20_000
    for (;;) {
      const usage = await usageOf(getContainer(), couponId)
      const row = usage.redemptions.find((redemption) => redemption.order_id === orderId)!
      if (matches(row) || Date.now() > deadline) {
        // usageOf reads the counters before the ledger: read them again now that the change committed
        return { row, usage: await usageOf(getContainer(), couponId) }
      }
      await new Promise((resolve) => setTimeout(resolve, 150))
    }
  }

  const statsOf = async (couponId: string) => (await api.get(`/admin/coupons/${couponId}/stats`, store.adminHeaders)).data

  const amounts = (row: Redemption) => ({
    status: row.status,
    discount_amount: Number(row.discount_amount),
    original_discount_amount: Number(row.original_discount_amount),
    returned_discount_amount: Number(row.returned_discount_amount),
    refunded_amount: Number(row.refunded_amount),
    order_total: Number(row.order_total),
    original_order_total: Number(row.original_order_total),
  })

  describe("a return received", () => {
    it("should take the returned units' discount off, keep the usage on a partial return and give it back on the full one", async () => {
      const { coupon } = await tenOff("RETURNS10")
      const order = await placeOrder("returner@example.com", "RETURNS10")
      await admin(`/admin/payments/${order.paymentId}/capture`)
      await fulfil(order)

      await returnUnits(order, 1)

      const partial = await redemptionOf(coupon.id, order.id, (row) => row.status === "partially_returned")
      expect(amounts(partial.row)).toEqual({
        status: "partially_returned",
        discount_amount: 20,
        original_discount_amount: 30,
        returned_discount_amount: 10,
        refunded_amount: 0,
        order_total: 209,
        original_order_total: 308,
      })
      expect(partial.row.usage_released_at).toBeNull()
      expect(partial.usage.coupon_usage).toBe(1)
      expect(partial.usage.code_usage).toEqual({ RETURNS10: 1 })
      expect(partial.usage.customer_usage["email:returner@example.com"]).toBe(1)
      expect(await couponService(getContainer()).budgetUsed(coupon.id, "usd")).toBe(20)
      expect(await statsOf(coupon.id)).toMatchObject({
        redemptions: 1,
        currency_code: "usd",
        discount_total: 20,
        discount_gross: 30,
        revenue: 209,
        revenue_gross: 308,
        by_currency: [expect.objectContaining({ currency_code: "usd", orders: 1, discount_total: 20, discount_gross: 30, revenue: 209 })],
      })
      const csv = (await api.get(`/admin/coupons/${coupon.id}/redemptions/export`, { ...store.adminHeaders, responseType: "text" })).data
      expect(parse(csv, { columns: true })).toEqual([
        expect.objectContaining({
          status: "partially_returned",
          discount_amount: "20",
          original_discount_amount: "30",
          returned_discount_amount: "10",
          refunded_amount: "0",
          order_total: "209",
          original_order_total: "308",
        }),
      ])

      await returnUnits(order, 2)

      const full = await redemptionOf(coupon.id, order.id, (row) => row.status === "returned")
      expect(amounts(full.row)).toMatchObject({ status: "returned", discount_amount: 0, returned_discount_amount: 30 })
      expect(full.row.usage_released_at).not.toBeNull()
      expect(full.usage.coupon_usage).toBe(0)
      expect(full.usage.code_usage).toEqual({ RETURNS10: 0 })
      expect(full.usage.customer_usage["email:returner@example.com"]).toBe(0)
      expect(await couponService(getContainer()).budgetUsed(coupon.id, "usd")).toBe(0)
      const cartId = await createCart(api, store, { email: "returner@example.com" })
      expect((await validateCode(api, store, { code: "RETURNS10", cart_id: cartId })).data.valid).toBe(true)
    })

    it("should change nothing when the adjustment runs again, even five times at once", async () => {
      const { coupon } = await tenOff("REPLAY10")
      // a second order keeps the counters above zero, so a second give-back would show
      const kept = await placeOrder("keeper@example.com", "REPLAY10")
      const order = await placeOrder("replayer@example.com", "REPLAY10")
      await admin(`/admin/payments/${order.paymentId}/capture`)
      await fulfil(order)
      await returnUnits(order, 3)
      const settled = await redemptionOf(coupon.id, order.id, (row) => row.status === "returned")
      expect(settled.usage.coupon_usage).toBe(1)

      const runs = await Promise.all(
        Array.from({ length: 5 }, () => adjustOrderRedemptionsWorkflow(getContainer()).run({ input: { order_id: order.id } }))
      )

      expect(runs.map(({ result }) => result)).toEqual([[], [], [], [], []])
      const after = await usageOf(getContainer(), coupon.id)
      expect(after.coupon_usage).toBe(1)
      expect(after.code_usage).toEqual({ REPLAY10: 1 })
      expect(after.customer_usage).toEqual({ "email:keeper@example.com": 1, "email:replayer@example.com": 0 })
      expect(after.redemptions.find((row) => row.order_id === kept.id)?.status).toBe("redeemed")
      expect(amounts(after.redemptions.find((row) => row.order_id === order.id)!)).toEqual(amounts(settled.row))
    })
  })

  describe("stats", () => {
    it("should answer each currency's figures apart, never one sum of dollars and euros", async () => {
      const { coupon } = await tenOff("BOTHMONEYS", { budget_limits: null })
      // the euro shopper ordered before, without a code: a returning customer
      const earlier = await createCart(api, store, { email: "euro@example.com" })
      expect((await completeCart(api, store, earlier)).data.type).toBe("order")
      const dollars = await placeOrder("dollar@example.com", "BOTHMONEYS")
      const euros = await placeOrder("euro@example.com", "BOTHMONEYS", "eur")
      const redemptions = await usageOf(getContainer(), coupon.id)
      const eurRow = redemptions.redemptions.find((row) => row.order_id === euros.id)!
      expect(eurRow.currency_code).toBe("eur")

      const stats = await statsOf(coupon.id)

      expect(stats.currency_code).toBeNull()
      expect(stats.redemptions).toBe(2)
      expect(stats).toMatchObject({ unique_customers: 2, new_customers: 1, returning_customers: 1 })
      expect(stats.by_currency).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ currency_code: "usd", orders: 1, redemptions: 1, discount_total: 30, revenue: dollars.total }),
          expect.objectContaining({
            currency_code: "eur",
            orders: 1,
            redemptions: 1,
            discount_total: Number(eurRow.discount_amount),
            revenue: euros.total,
            revenue_gross: euros.total,
          }),
        ])
      )
      expect(stats.by_currency).toHaveLength(2)
      const storeWide = (await api.get("/admin/coupons/stats", store.adminHeaders)).data
      expect(storeWide.by_currency.map((row: { currency_code: string }) => row.currency_code).sort()).toEqual(["eur", "usd"])
    })
  })

  describe("a refund", () => {
    it("should record a partial refund and revert the redemption, usage and budget on a full one", async () => {
      const { coupon } = await tenOff("REFUND10")
      const order = await placeOrder("refunded@example.com", "REFUND10")
      await admin(`/admin/payments/${order.paymentId}/capture`)

      await admin(`/admin/payments/${order.paymentId}/refund`, { amount: 50 })

      const partial = await redemptionOf(coupon.id, order.id, (row) => Number(row.refunded_amount) === 50)
      const {
        data: { order: refunded },
      } = await api.get(`/admin/orders/${order.id}?fields=total`, store.adminHeaders)
      // a refund beyond what the order owes becomes a credit line: Medusa's total drops by it
      expect(refunded.total).toBe(258)
      expect(amounts(partial.row)).toMatchObject({ status: "redeemed", discount_amount: 30, refunded_amount: 50, order_total: 258 })
      expect(partial.usage.coupon_usage).toBe(1)

      await admin(`/admin/payments/${order.paymentId}/refund`, { amount: 258 })

      const full = await redemptionOf(coupon.id, order.id, (row) => row.status === "reverted")
      expect(amounts(full.row)).toMatchObject({ status: "reverted", refunded_amount: 308 })
      expect(full.usage.coupon_usage).toBe(0)
      expect(full.usage.code_usage).toEqual({ REFUND10: 0 })
      expect(full.usage.customer_usage["email:refunded@example.com"]).toBe(0)
      expect(await couponService(getContainer()).budgetUsed(coupon.id, "usd")).toBe(0)
      expect(await statsOf(coupon.id)).toMatchObject({ redemptions: 0, discount_total: 0 })
    })
  })

  describe("a confirmed order edit", () => {
    it("should record the order total as the edit left it", async () => {
      const { coupon } = await tenOff("EDIT10")
      const order = await placeOrder("edited@example.com", "EDIT10")

      await admin("/admin/order-edits", { order_id: order.id })
      await admin(`/admin/order-edits/${order.id}/items/item/${order.itemId}`, { quantity: 1 })
      await admin(`/admin/order-edits/${order.id}/request`)
      await admin(`/admin/order-edits/${order.id}/confirm`)

      const { row, usage } = await redemptionOf(coupon.id, order.id, (candidate) => Number(candidate.order_total) !== 308)
      const {
        data: { order: edited },
      } = await api.get(`/admin/orders/${order.id}?fields=total,discount_total`, store.adminHeaders)
      // Medusa keeps the line's discount through an edit; the ledger records what the order keeps
      expect(amounts(row)).toMatchObject({ status: "redeemed", order_total: edited.total, original_order_total: 308 })
      expect(Number(row.discount_amount)).toBe(30)
      expect(edited.total).toBe(88)
      expect(usage.coupon_usage).toBe(1)
    })
  })

  describe("an exchange", () => {
    it("should take the discount of the lines sent back off once their return is received", async () => {
      const { coupon } = await tenOff("SWAP10")
      const order = await placeOrder("swapper@example.com", "SWAP10")
      await admin(`/admin/payments/${order.paymentId}/capture`)
      await fulfil(order)

      const { exchange } = await admin("/admin/exchanges", { order_id: order.id })
      await admin(`/admin/exchanges/${exchange.id}/inbound/items`, { items: [{ id: order.itemId, quantity: 1 }] })
      await admin(`/admin/exchanges/${exchange.id}/outbound/items`, { items: [{ variant_id: store.cheapVariantId, quantity: 1 }] })
      const requested = await admin(`/admin/exchanges/${exchange.id}/request`)
      await receiveReturn(requested.return?.id ?? requested.exchange?.return_id, order.itemId, 1)

      const { row, usage } = await redemptionOf(coupon.id, order.id, (candidate) => candidate.status === "partially_returned")
      expect(amounts(row)).toMatchObject({ status: "partially_returned", discount_amount: 20, returned_discount_amount: 10 })
      expect(usage.coupon_usage).toBe(1)
    })
  })

  describe("a claim", () => {
    it("should take the discount of the claimed lines off once they are received back", async () => {
      const { coupon } = await tenOff("CLAIM10")
      const order = await placeOrder("claimer@example.com", "CLAIM10")
      await admin(`/admin/payments/${order.paymentId}/capture`)
      await fulfil(order)

      const { claim } = await admin("/admin/claims", { order_id: order.id, type: "refund" })
      await admin(`/admin/claims/${claim.id}/inbound/items`, { items: [{ id: order.itemId, quantity: 2 }] })
      const requested = await admin(`/admin/claims/${claim.id}/request`)
      await receiveReturn(requested.return?.id ?? requested.claim?.return_id, order.itemId, 2)

      const { row, usage } = await redemptionOf(coupon.id, order.id, (candidate) => candidate.status === "partially_returned")
      expect(amounts(row)).toMatchObject({ status: "partially_returned", discount_amount: 10, returned_discount_amount: 20 })
      expect(usage.coupon_usage).toBe(1)
    })
  })

  describe("a cancel after a partial return", () => {
    it("should give back only what is left, once", async () => {
      const { coupon } = await tenOff("LATECANCEL")
      const order = await placeOrder("late@example.com", "LATECANCEL")
      await admin(`/admin/payments/${order.paymentId}/capture`)
      const { order: fulfilled } = await admin(`/admin/orders/${order.id}/fulfillments?fields=fulfillments.id`, {
        items: [{ id: order.itemId, quantity: 3 }],
      })
      await returnUnits(order, 1)
      await redemptionOf(coupon.id, order.id, (row) => row.status === "partially_returned")
      expect(await couponService(getContainer()).budgetUsed(coupon.id, "usd")).toBe(20)

      await admin(`/admin/orders/${order.id}/fulfillments/${fulfilled.fulfillments[0].id}/cancel`)
      await admin(`/admin/orders/${order.id}/cancel`)

      const { row, usage } = await redemptionOf(coupon.id, order.id, (candidate) => candidate.status === "reverted")
      expect(row.status).toBe("reverted")
      expect(usage.coupon_usage).toBe(0)
      expect(usage.code_usage).toEqual({ LATECANCEL: 0 })
      expect(usage.customer_usage["email:late@example.com"]).toBe(0)
      expect(await couponService(getContainer()).budgetUsed(coupon.id, "usd")).toBe(0)
    })
  })
})
