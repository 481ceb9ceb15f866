import { httpSuite } from "./fixtures/http-suite"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { parse } from "csv-parse/sync"
import { createCouponViaApi, fail } from "./fixtures/admin"
import { couponService } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

type Seeded = { couponA: string; couponB: string; orderId: string; customerId: string }

/*
 * The seeded ledger (amounts in USD, dates UTC):
 *   order  code  customer      discount  order_total  day
 *   o1     A1    cus_1         10        100          2026-01-10
 *   o2     A1    cus_1          5         50          2026-01-10
 *   o3     A2    g@x.com       20        200          2026-01-12
 *   o4     A3    cus_2          7.5       75          2026-01-12   reverted: never counted
 *   o5     B1    cus_3          3         30          2026-01-11
 *   o6     A2    cus_4          4        120          2026-01-13   one order, two codes:
 *   o6     A3    cus_4          6        120          2026-01-13   its total counts once
 * Coupon A has a fourth code, A4, never used. Codes were issued on 2026-01-01.
 *
 * Coupon A: 5 redemptions; customers cus_1, g@x.com, cus_4 = 3; discount 10+5+20+4+6 = 45;
 *   orders o1,o2,o3,o6: revenue 100+50+200+120 = 470, average 117.5; codes 4 issued, 3 redeemed → 0.75.
 * Store: + o5 → 6 redemptions, 4 customers, discount 48, revenue 500 over 5 orders (average 100),
 *   5 codes issued, 4 redeemed → 0.8.
 */
export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture
  let seeded: Seeded

  const seed = async (): Promise<Seeded> => {
    const container = getContainer()
    const service = couponService(container)
    const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const couponA = await createCouponViaApi(api, store, { name: "Coupon A" })
    const couponB = await createCouponViaApi(api, store, { name: "Coupon B" })
    const created = [
      ...(await service.insertCouponCodes(
        couponA.id,
        ["A1", "A2", "A3", "A4"].map((code) => ({ code: `CODE-${code}` }))
      )),
      ...(await service.insertCouponCodes(couponB.id, [{ code: "CODE-B1" }])),
    ]
    const codeId = (name: string) => created.find((code) => code.code === `CODE-${name}`)!.id

    const customer = await container.resolve(Modules.CUSTOMER).createCustomers({ email: "one@example.com", first_name: "One" })
    const order = await container.resolve(Modules.ORDER).createOrders({
      currency_code: "usd",
      email: "one@example.com",
      customer_id: customer.id,
      region_id: store.regionId,
      items: [{ title: "Jacket", quantity: 1, unit_price: 100 }],
    } as never)

    const redeem = async (
      orderId: string,
      uses: [string, number][],
      customer: { customer_id?: string; email?: string },
      total: number,
      day: string
    ) => {
      await service.redeemCodes(
        uses.map(([code, discount]) => ({
          coupon_id: code.startsWith("B") ? couponB.id : couponA.id,
          code_id: codeId(code),
          code: `CODE-${code}`,
          order_id: orderId,
          customer_id: customer.customer_id ?? null,
          email: customer.email ?? null,
          customer_keys: [],
          usage_limit_per_customer: null,
          discount_amount: discount,
          order_total: total,
          currency_code: "usd",
        }))
      )
      await pg.raw(`UPDATE coupon_redemption SET created_at = ?::timestamptz WHERE order_id = ?`, [`${day}T10:00:00Z`, orderId])
    }
    await redeem(order.id, [["A1", 10]], { customer_id: customer.id, email: "one@example.com" }, 100, "2026-01-10")
    await redeem("o2", [["A1", 5]], { customer_id: customer.id }, 50, "2026-01-10")
    await redeem("o3", [["A2", 20]], { email: "G@x.com" }, 200, "2026-01-12")
    await redeem("o4", [["A3", 7.5]], { customer_id: "cus_2" }, 75, "2026-01-12")
    await service.revertRedemptions({ order_id: "o4" })
    await redeem("o5", [["B1", 3]], { customer_id: "cus_3" }, 30, "2026-01-11")
    await redeem(
      "o6",
      [
        ["A2", 4],
        ["A3", 6],
      ],
      { customer_id: "cus_4" },
      120,
      "2026-01-13"
    )
    await pg.raw(`UPDATE coupon_code SET created_at = '2026-01-01T00:00:00Z' WHERE coupon_id IN (?, ?)`, [couponA.id, couponB.id])
    // the ledger was moved in time by hand: rebuild the stats rollups, as the backfill does
    await service.rebuildCouponStats()
    return { couponA: couponA.id, couponB: couponB.id, orderId: order.id, customerId: customer.id }
  }

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
    seeded = await seed()
  })

  describe("GET /admin/coupons/:id/stats", () => {
    it("should match the hand-computed totals of the seeded ledger", async () => {
      const { status, data } = await api.get(`/admin/coupons/${seeded.couponA}/stats`, store.adminHeaders)
      expect(status).toBe(200)
      expect(data).toEqual({
        coupon_id: seeded.couponA,
        from: null,
        to: null,
        redemptions: 5,
        unique_customers: 3,
        // the seeded rows predate the first-order flag: neither new nor returning is known
        new_customers: 0,
        returning_customers: 0,
        currency_code: "usd",
        by_currency: [
          {
            currency_code: "usd",
            redemptions: 5,
            orders: 4,
            discount_total: 45,
            discount_gross: 45,
            revenue: 470,
            revenue_gross: 470,
            refunded_total: 0,
            average_order_value: 117.5,
          },
        ],
        discount_total: 45,
        discount_gross: 45,
        revenue: 470,
        revenue_gross: 470,
        refunded_total: 0,
        orders: 4,
        average_order_value: 117.5,
        codes_issued: 4,
        codes_redeemed: 3,
        redemption_rate: 0.75,
        daily: [
          { date: "2026-01-10", redemptions: 2, discount_total: 15 },
          { date: "2026-01-11", redemptions: 0, discount_total: 0 },
          { date: "2026-01-12", redemptions: 1, discount_total: 20 },
          { date: "2026-01-13", redemptions: 2, discount_total: 10 },
        ],
      })
    })

    it("should count only the window: from inclusive, a bare `to` date through that day", async () => {
      const { data } = await api.get(`/admin/coupons/${seeded.couponA}/stats?from=2026-01-11&to=2026-01-12`, store.adminHeaders)
      expect(data).toEqual(
        expect.objectContaining({
          from: "2026-01-11T00:00:00.000Z",
          to: "2026-01-13T00:00:00.000Z",
          redemptions: 1,
          unique_customers: 1,
          discount_total: 20,
          revenue: 200,
          average_order_value: 200,
          codes_issued: 4,
          codes_redeemed: 1,
          redemption_rate: 0.25,
          daily: [
            { date: "2026-01-11", redemptions: 0, discount_total: 0 },
            { date: "2026-01-12", redemptions: 1, discount_total: 20 },
          ],
        })
      )
      const before = (await api.get(`/admin/coupons/${seeded.couponA}/stats?to=2025-12-31T00:00:00Z`, store.adminHeaders)).data
      expect(before).toEqual(
        expect.objectContaining({ redemptions: 0, revenue: 0, average_order_value: 0, codes_issued: 0, redemption_rate: 0, daily: [] })
      )
    })

    it("should answer 400 for a bad window and 404 for an unknown coupon", async () => {
      const bad = await fail(api.get(`/admin/coupons/${seeded.couponA}/stats?from=yesterday`, store.adminHeaders))
      expect(bad.status).toBe(400)
      const reversed = await fail(api.get(`/admin/coupons/${seeded.couponA}/stats?from=2026-02-01&to=2026-01-01`, store.adminHeaders))
      expect(reversed.status).toBe(400)
      expect(reversed.data.message).toContain("to must be after from")
      expect((await fail(api.get(`/admin/coupons/${seeded.couponA}/stats?colour=red`, store.adminHeaders))).status).toBe(400)
      expect((await fail(api.get("/admin/coupons/cpn_missing/stats", store.adminHeaders))).status).toBe(404)
    })
  })

  describe("GET /admin/coupons/stats", () => {
    it("should sum the store and rank the top coupons", async () => {
      const { data } = await api.get("/admin/coupons/stats", store.adminHeaders)
      expect(data).toEqual(
        expect.objectContaining({
          redemptions: 6,
          unique_customers: 4,
          discount_total: 48,
          revenue: 500,
          orders: 5,
          average_order_value: 100,
          codes_issued: 5,
          codes_redeemed: 4,
          redemption_rate: 0.8,
        })
      )
      expect(data.daily).toHaveLength(4)
      expect(data.daily[1]).toEqual({ date: "2026-01-11", redemptions: 1, discount_total: 3 })
      expect(data.top_coupons).toEqual([
        { coupon_id: seeded.couponA, name: "Coupon A", redemptions: 5, discount_total: 45, revenue: 470 },
        { coupon_id: seeded.couponB, name: "Coupon B", redemptions: 1, discount_total: 3, revenue: 30 },
      ])
      const top = (await api.get("/admin/coupons/stats?top=1&from=2026-01-11", store.adminHeaders)).data
      expect(top.top_coupons.map((coupon: { name: string }) => coupon.name)).toEqual(["Coupon A"])
      expect(top.redemptions).toBe(4)
      expect((await fail(api.get("/admin/coupons/stats?top=0", store.adminHeaders))).status).toBe(400)
    })
  })

  describe("GET /admin/coupons/:id/redemptions", () => {
    it("should list the ledger, newest first, filtered by status, customer, email, dates and search", async () => {
      const url = `/admin/coupons/${seeded.couponA}/redemptions`
      const list = async (qs: string) => (await api.get(`${url}?${qs}`, store.adminHeaders)).data
      const all = await list("limit=2")
      expect(all).toEqual(expect.objectContaining({ count: 6, offset: 0, limit: 2 }))
      expect(all.redemptions.map((r: { order_id: string }) => r.order_id)).toEqual(["o6", "o6"])
      expect(all.redemptions[0]).toEqual(expect.objectContaining({ coupon_id: seeded.couponA, status: "redeemed", currency_code: "usd" }))

      const orders = async (qs: string) => (await list(qs)).redemptions.map((r: { order_id: string }) => r.order_id).sort()
      expect(await orders("status=reverted")).toEqual(["o4"])
      expect(await orders(`customer_id=${seeded.customerId}`)).toEqual([seeded.orderId, "o2"].sort())
      expect(await orders("email=g@X.com")).toEqual(["o3"])
      expect(await orders("created_at[gte]=2026-01-12")).toEqual(["o3", "o4", "o6", "o6"])
      expect(await orders("created_at[gte]=2026-01-11&created_at[lt]=2026-01-13")).toEqual(["o3", "o4"])
      expect(await orders("created_at[$lte]=2026-01-10T23:59:59Z")).toEqual([seeded.orderId, "o2"].sort())
      expect(await orders("q=code-a3")).toEqual(["o4", "o6"])

      expect((await list("order=discount_amount&limit=1")).redemptions[0].discount_amount).toBe(4)
      for (const qs of ["status=lost", "created_at[gte]=soon", "order=secret", "offset=-5"]) {
        expect((await fail(api.get(`${url}?${qs}`, store.adminHeaders))).status).toBe(400)
      }
      expect((await fail(api.get("/admin/coupons/cpn_missing/redemptions", store.adminHeaders))).status).toBe(404)
    })
  })

  describe("GET /admin/coupons/:id/redemptions/export", () => {
    it("should stream the filtered ledger as CSV, oldest first", async () => {
      const url = `/admin/coupons/${seeded.couponA}/redemptions/export`
      const response = await api.get(url, { ...store.adminHeaders, responseType: "text" })
      expect(response.headers["content-type"]).toContain("text/csv")
      const text = response.data as string
      expect(text.split("\n")[0]).toBe(
        "id,code,order_id,customer_id,email,discount_amount,order_total,currency_code,status,created_at,reverted_at,original_discount_amount,returned_discount_amount,refunded_amount,original_order_total"
      )
      const rows = parse(text, { columns: true }) as Record<string, string>[]
      expect(rows).toHaveLength(6)
      const days = rows.map((row) => row.created_at.slice(0, 10))
      expect(days).toEqual(["2026-01-10", "2026-01-10", "2026-01-12", "2026-01-12", "2026-01-13", "2026-01-13"])
      expect(rows.map((row) => row.order_id).sort()).toEqual([seeded.orderId, "o2", "o3", "o4", "o6", "o6"].sort())
      expect(rows.find((row) => row.order_id === "o4")).toEqual(
        expect.objectContaining({ status: "reverted", discount_amount: "7.5", order_total: "75" })
      )
      expect(rows.find((row) => row.order_id === "o4")!.reverted_at).not.toBe("")

      const redeemed = parse(
        (await api.get(`${url}?status=redeemed&created_at[gte]=2026-01-12`, { ...store.adminHeaders, responseType: "text" })).data,
        { columns: true }
      )
      expect(redeemed.map((row: { code: string }) => row.code).sort()).toEqual(["CODE-A2", "CODE-A2", "CODE-A3"])
      expect((await fail(api.get(`${url}?status=lost`, store.adminHeaders))).status).toBe(400)
      expect((await fail(api.get("/admin/coupons/cpn_missing/redemptions/export", store.adminHeaders))).status).toBe(404)
    })
  })

  describe("read-only links", () => {
    it("should read an order's and a customer's redemptions through the core admin routes", async () => {
      const order = (await api.get(`/admin/orders/${seeded.orderId}?fields=id,+coupon_redemptions.*`, store.adminHeaders)).data.order
      expect(order.coupon_redemptions).toEqual([
        expect.objectContaining({ order_id: seeded.orderId, code: "CODE-A1", coupon_id: seeded.couponA, status: "redeemed" }),
      ])
      const customer = (await api.get(`/admin/customers/${seeded.customerId}?fields=id,+coupon_redemptions.*`, store.adminHeaders)).data
        .customer
      expect(customer.coupon_redemptions.map((r: { order_id: string }) => r.order_id).sort()).toEqual([seeded.orderId, "o2"].sort())

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "coupon_redemption",
        fields: ["id", "order.id", "customer.email"],
        filters: { order_id: seeded.orderId },
      })
      expect(data[0]).toEqual(
        expect.objectContaining({
          order: expect.objectContaining({ id: seeded.orderId }),
          customer: expect.objectContaining({ email: "one@example.com" }),
        })
      )
    })
  })
})
