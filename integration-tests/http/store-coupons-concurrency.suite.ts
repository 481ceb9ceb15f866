import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { httpSuite } from "./fixtures/http-suite"
import { addPaymentSession, applyCode, createCart } from "./fixtures/checkout"
import { cloneCartInApp } from "./fixtures/clone-carts"
import { createCoupon, usageOf } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

type Outcome = { status: number; type?: string; code?: string; message?: string; discount_total?: number; order_id?: string }

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  /** A cart with the code applied and a payment session, ready for completion. */
  const prepareCart = async (email: string, code: string) => {
    const cartId = await createCart(api, store, { email })
    const applied = await applyCode(api, store, cartId, code)
    expect(applied.status).toBe(200)
    await addPaymentSession(api, store, cartId)
    return cartId
  }

  /** Prepares carts a few at a time: the server is shared, the point is the completion race. */
  const prepareCarts = async (emails: string[], code: string, groupSize = 10) => {
    const cartIds: string[] = []
    for (let start = 0; start < emails.length; start += groupSize) {
      const group = emails.slice(start, start + groupSize)
      cartIds.push(...(await Promise.all(group.map((email) => prepareCart(email, code)))))
    }
    return cartIds
  }

  /**
   * `count` carts ready for completion: 10 through the store API, the rest SQL copies of the
   * first (each with its own guest and email, `c<n>-<email>`), as the reliability suite's race:
   * five store requests a cart cost most of the test, and the point is the completion race.
   */
  const prepareRush = async (count: number, emailPrefix: string, code: string) => {
    const viaApi = await prepareCarts(
      Array.from({ length: 10 }, (_, index) => `${emailPrefix}-${index}@example.com`),
      code
    )
    return [...viaApi, ...(await cloneCartInApp(getContainer(), viaApi[0], count - viaApi.length))]
  }

  /** Completes every cart at the same moment. */
  const completeAll = async (cartIds: string[]): Promise<Outcome[]> =>
    Promise.all(
      cartIds.map((cartId) =>
        api
          .post(`/store/carts/${cartId}/complete`, {}, store.storeHeaders)
          .catch((error) => error.response)
          .then(({ status, data }) => ({
            status,
            type: data?.type,
            code: data?.code,
            message: data?.message,
            discount_total: data?.order?.discount_total,
            order_id: data?.order?.id,
          }))
      )
    )

  const summarize = (outcomes: Outcome[]) =>
    outcomes.reduce<Record<string, number>>((counts, outcome) => {
      const key =
        outcome.type === "order"
          ? outcome.discount_total
            ? "order with discount"
            : "order without discount"
          : `${outcome.status} ${outcome.code ?? outcome.type}: ${outcome.message}`
      counts[key] = (counts[key] ?? 0) + 1
      return counts
    }, {})

  /** Every outcome is an order or a 400 with one of the given reasons (no 500, no 409 lock conflict); the tally, for messages. */
  const expectOrdersOrRefusals = (outcomes: Outcome[], reason: string | RegExp) => {
    const summary = summarize(outcomes)
    for (const outcome of outcomes.filter((outcome) => outcome.type !== "order")) {
      expect({ status: outcome.status, type: outcome.type, code: outcome.code, summary }).toEqual({
        status: 400,
        type: "not_allowed",
        code: typeof reason === "string" ? reason : expect.stringMatching(reason),
        summary,
      })
    }
    return summary
  }

  describe("POST /store/carts/:id/complete", () => {
    it("should let exactly usage_limit of 50 simultaneous checkouts redeem a shared code", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "RUSH-10", usage_limit: 10 })
      const cartIds = await prepareRush(50, "rush", "RUSH-10")

      const outcomes = await completeAll(cartIds)

      const summary = expectOrdersOrRefusals(outcomes, /^(usage_limit_reached|code_usage_limit_reached)$/)
      const discounted = outcomes.filter((outcome) => outcome.type === "order" && outcome.discount_total)
      expect({ discounted: discounted.length, summary }).toEqual({ discounted: 10, summary })
      // each order with the discount: 121 - 11 (see store-cart-coupons.spec.ts)
      expect(discounted.every((outcome) => outcome.discount_total === 11)).toBe(true)

      const usage = await usageOf(getContainer(), coupon.id)
      expect(usage.coupon_usage).toBe(10)
      expect(usage.code_usage).toEqual({ "RUSH-10": 10 })
      const redeemed = usage.redemptions.filter((redemption) => redemption.status === "redeemed")
      expect(redeemed).toHaveLength(10)
      expect(usage.redemptions).toHaveLength(10)
      expect(new Set(redeemed.map((redemption) => redemption.order_id))).toEqual(new Set(discounted.map((outcome) => outcome.order_id)))
      // the refused carts were not turned into orders
      const { data } = await api.get("/admin/orders?fields=id", store.adminHeaders)
      expect(data.count).toBe(outcomes.filter((outcome) => outcome.type === "order").length)
    })

    it("should let exactly the daily cap of 50 simultaneous checkouts redeem a code capped per day, counters equal to the ledger", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "DAILY-10", usage_limit: 10, usage_limit_period: "day" } as never)
      const cartIds = await prepareRush(50, "daily", "DAILY-10")

      const outcomes = await completeAll(cartIds)

      const summary = expectOrdersOrRefusals(outcomes, "period_limit_reached")
      const discounted = outcomes.filter((outcome) => outcome.type === "order" && outcome.discount_total)
      expect({ discounted: discounted.length, summary }).toEqual({ discounted: 10, summary })
      const usage = await usageOf(getContainer(), coupon.id)
      expect({ coupon: usage.coupon_usage, code: usage.code_usage, ledger: usage.redemptions.length }).toEqual({
        coupon: 10,
        code: { "DAILY-10": 10 },
        ledger: 10,
      })
      const { rows } = await getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(`SELECT scope_key, usage_count FROM coupon_period_usage WHERE coupon_id = ?`, [coupon.id])
      expect(rows).toEqual([{ scope_key: "*", usage_count: 10 }])
      const { data } = await api.get("/admin/orders?fields=id", store.adminHeaders)
      expect(data.count).toBe(outcomes.filter((outcome) => outcome.type === "order").length)
    })

    it("should count one guest email only once when 10 of its carts check out at the same time", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "ONCE-EACH", usage_limit_per_customer: 1 })
      const emails = Array.from({ length: 10 }, () => "same-guest@example.com")
      // one after the other: Medusa's guest-customer lookup races when carts of one new email are created at once
      const cartIds = await prepareCarts(emails, "ONCE-EACH", 1)

      const outcomes = await completeAll(cartIds)

      const summary = expectOrdersOrRefusals(outcomes, "customer_limit_reached")
      const discounted = outcomes.filter((outcome) => outcome.type === "order" && outcome.discount_total)
      expect({ discounted: discounted.length, summary }).toEqual({ discounted: 1, summary })

      const usage = await usageOf(getContainer(), coupon.id)
      expect(usage.coupon_usage).toBe(1)
      expect(usage.redemptions).toHaveLength(1)
      expect(usage.redemptions[0].order_id).toBe(discounted[0].order_id)
      expect(usage.customer_usage["email:same-guest@example.com"]).toBe(1)
    })
  })
})
