import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { periodOf } from "../../src/modules/coupon/utils/period"
import { applyCode, completeCart, createCart } from "./fixtures/checkout"
import { couponService, createCoupon, usageOf, validateCode } from "./fixtures/coupons"
import { httpSuite } from "./fixtures/http-suite"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

/*
 * Periodic caps: usage_limit and usage_limit_per_customer counted per day,
 * week or month on the store's calendar. The test apps' calendar is
 * Pacific/Kiritimati (UTC+14, integration-tests/setup.js), so a day here is
 * not UTC's day. "The next period" is reached by moving the counters' period
 * back, as the clock cannot be moved in a running app.
 */
const ZONE = "Pacific/Kiritimati"

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture
  const knex = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const counters = async (couponId: string) =>
    (
      await knex().raw(
        `SELECT scope_key, period, period_start, usage_count FROM coupon_period_usage WHERE coupon_id = ? AND deleted_at IS NULL ORDER BY scope_key, period_start`,
        [couponId]
      )
    ).rows as { scope_key: string; period: string; period_start: string; usage_count: number }[]
  /**
   * As if `days` had passed: this coupon's counters, and the periods its ledger rows
   * remember counting in, move that many days back (today's uses become yesterday's).
   */
  const periodPassed = async (couponId: string, days: number) => {
    await knex().raw(
      `UPDATE coupon_period_usage SET period_start = to_char(period_start::date - ?::int, 'YYYY-MM-DD') WHERE coupon_id = ?`,
      [days, couponId]
    )
    await knex().raw(
      `UPDATE coupon_redemption SET period_counts = (
         SELECT jsonb_agg(jsonb_set(e, '{period_start}', to_jsonb(to_char((e->>'period_start')::date - ?::int, 'YYYY-MM-DD'))))
         FROM jsonb_array_elements(period_counts) AS e
       ) WHERE coupon_id = ? AND period_counts IS NOT NULL`,
      [days, couponId]
    )
  }
  const checkout = async (email: string, code: string) => {
    const cart = await createCart(api, store, { email })
    const applied = await applyCode(api, store, cart, code)
    if (applied.status !== 200) {
      return { status: applied.status, code: applied.data.code, message: applied.data.message, cart }
    }
    const placed = await completeCart(api, store, cart)
    return { status: placed.status, code: placed.data.code ?? placed.data.type, message: placed.data.message, cart }
  }
  const localReset = (period: "day" | "week", at = new Date()) => {
    const { resets_at } = periodOf(period, at, ZONE)
    const date = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(resets_at)
    return `${date} 00:00 (${ZONE})`
  }

  describe("usage_limit with usage_limit_period", () => {
    it("should let a code be used N times a day on the store's calendar, say when it resets, and count again the next day", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "TWICE-A-DAY", usage_limit: 2, usage_limit_period: "day" } as never)

      expect((await checkout("a@example.com", "TWICE-A-DAY")).code).toBe("order")
      expect((await checkout("b@example.com", "TWICE-A-DAY")).code).toBe("order")
      const third = await checkout("c@example.com", "TWICE-A-DAY")
      expect(third).toMatchObject({
        status: 400,
        code: "period_limit_reached",
        message: `This code has reached its limit for today. It can be used again from ${localReset("day")}.`,
      })
      const other = await createCart(api, store, { email: "d@example.com" })
      expect((await validateCode(api, store, { code: "TWICE-A-DAY", cart_id: other })).data).toMatchObject({
        valid: false,
        reason: "period_limit_reached",
      })
      // the day counted is the store's (Kiritimati's) date, not UTC's
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date())
      expect(await counters(coupon.id)).toEqual([{ scope_key: "*", period: "day", period_start: today, usage_count: 2 }])

      await periodPassed(coupon.id, 1)
      expect((await checkout("c@example.com", "TWICE-A-DAY")).code).toBe("order")
      const usage = await usageOf(getContainer(), coupon.id)
      // the all-time count passes usage_limit: the cap is per day
      expect({ coupon: usage.coupon_usage, ledger: usage.redemptions.length }).toEqual({ coupon: 3, ledger: 3 })
      expect((await counters(coupon.id)).map((row) => row.usage_count)).toEqual([2, 1])
    })

    it("should give a canceled order's use back to the day it was counted in", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "ONE-A-DAY", usage_limit: 1, usage_limit_period: "day" } as never)
      const first = await createCart(api, store, { email: "a@example.com" })
      expect((await applyCode(api, store, first, "ONE-A-DAY")).status).toBe(200)
      const placed = await completeCart(api, store, first)
      expect((await checkout("b@example.com", "ONE-A-DAY")).code).toBe("period_limit_reached")

      await api.post(`/admin/orders/${placed.data.order.id}/cancel`, {}, store.adminHeaders)
      const deadline = Date.now() + 10_000
      while ((await counters(coupon.id))[0].usage_count !== 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect((await counters(coupon.id))[0].usage_count).toBe(0)
      expect((await checkout("b@example.com", "ONE-A-DAY")).code).toBe("order")

      // b's use becomes yesterday's; c uses the code today; canceling b's order gives back yesterday's use, not today's
      const [yesterdays] = (await couponService(getContainer()).listCouponRedemptions({ coupon_id: coupon.id, status: "redeemed" })) as {
        order_id: string
      }[]
      await periodPassed(coupon.id, 1)
      expect((await checkout("c@example.com", "ONE-A-DAY")).code).toBe("order")
      await api.post(`/admin/orders/${yesterdays.order_id}/cancel`, {}, store.adminHeaders)
      const later = Date.now() + 10_000
      while ((await counters(coupon.id))[0].usage_count !== 0 && Date.now() < later) {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect((await counters(coupon.id)).map((row) => row.usage_count)).toEqual([0, 1])
    })
  })

  describe("usage_limit_per_customer with usage_limit_per_customer_period", () => {
    it("should let each shopper use a code once a week, say when their week resets, and count other shoppers apart", async () => {
      const { coupon } = await createCoupon(getContainer(), {
        code: "WEEKLY",
        usage_limit_per_customer: 1,
        usage_limit_per_customer_period: "week",
      } as never)

      expect((await checkout("pat@example.com", "WEEKLY")).code).toBe("order")
      const again = await checkout("pat@example.com", "WEEKLY")
      expect(again).toMatchObject({
        status: 400,
        code: "period_limit_reached",
        message: `You have already used this code this week. You can use it again from ${localReset("week")}.`,
      })
      expect((await checkout("sam@example.com", "WEEKLY")).code).toBe("order")

      await periodPassed(coupon.id, 7)
      expect((await checkout("pat@example.com", "WEEKLY")).code).toBe("order")
      const usage = await usageOf(getContainer(), coupon.id)
      // all-time per-customer counts keep counting past the weekly cap
      expect(usage.customer_usage["email:pat@example.com"]).toBe(2)
      expect(usage.redemptions).toHaveLength(3)
    })
  })

  describe("POST /admin/coupons", () => {
    it("should refuse a period without the limit it qualifies, on create and on update, and change nothing", async () => {
      const created = await api
        .post(
          "/admin/coupons",
          { name: "No cap", code: "NO-CAP", discount_type: "percentage", discount_value: 10, status: "active", usage_limit_period: "day" },
          store.adminHeaders
        )
        .catch((error) => error.response)
      expect(created.status).toBe(400)
      expect(created.data.message).toContain("usage_limit_period")

      const { coupon } = await createCoupon(getContainer(), { code: "CAPPED", usage_limit: 5 })
      const updated = await api
        .post(`/admin/coupons/${coupon.id}`, { usage_limit: null, usage_limit_period: "week" }, store.adminHeaders)
        .catch((error) => error.response)
      expect(updated.status).toBe(400)
      const kept = await couponService(getContainer()).retrieveCoupon(coupon.id)
      expect({ limit: kept.usage_limit, period: kept.usage_limit_period }).toEqual({ limit: 5, period: null })

      const fine = await api.post(`/admin/coupons/${coupon.id}`, { usage_limit_period: "month" }, store.adminHeaders)
      expect(fine.data.coupon).toMatchObject({ usage_limit: 5, usage_limit_period: "month" })
      const bad = await api
        .post(`/admin/coupons/${coupon.id}`, { usage_limit_period: "year" }, store.adminHeaders)
        .catch((error) => error.response)
      expect(bad.status).toBe(400)
    })
  })
})
