import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { COUPON_MODULE } from ".."
import type CouponModuleService from "../service"
import { createCouponWithCode, redemptionFor } from "./fixtures"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<CouponModuleService>({
  moduleName: COUPON_MODULE,
  resolve: "./src/modules/coupon",
  // the committed migrations, not a schema derived from the models, are what a store runs
  pathToMigrations: "./src/modules/coupon/migrations",
  testSuite: ({ service, MikroOrmWrapper }) => {
    const sql = async (query: string, bindings: unknown[] = []) =>
      (await MikroOrmWrapper.getManager().getConnection().execute(query, bindings)) as any[]

    describe("CouponModuleService", () => {
      describe("createCoupons / createCouponCodes", () => {
        it("should create a coupon with its code and read both back", async () => {
          const { coupon, code } = await createCouponWithCode(service, {
            coupon: { allowed_email_domains: ["example.com"], usage_limit: 3 },
          })
          const [found] = await service.listCoupons({ id: coupon.id }, { relations: ["codes"] })
          expect(found).toEqual(
            expect.objectContaining({
              name: "Summer sale",
              status: "active",
              discount_type: "percentage",
              usage_limit: 3,
              usage_count: 0,
              allowed_email_domains: ["example.com"],
              combinable: false,
            })
          )
          expect(Number(found.discount_value)).toBe(10)
          expect(found.codes.map((c) => c.id)).toEqual([code.id])
          expect(code.status).toBe("active")
        })

        it("should refuse a fixed coupon without a currency (database check)", async () => {
          await expect(service.createCoupons({ name: "Five off", discount_type: "fixed", discount_value: 5 } as any)).rejects.toThrow(
            /coupon_fixed_currency_check/
          )
        })

        it("should refuse a percentage above 100 (database check)", async () => {
          await expect(
            service.createCoupons({ name: "Too much", discount_type: "percentage", discount_value: 150 } as any)
          ).rejects.toThrow(/coupon_discount_value_check/)
        })
      })

      describe("unique live codes", () => {
        it("should refuse a second live code with the same text", async () => {
          await createCouponWithCode(service, { code: "DUPE-1" })
          const other = await service.createCoupons({
            name: "Other",
            discount_type: "percentage",
            discount_value: 5,
          } as any)
          await expect(service.createCouponCodes({ code: "DUPE-1", coupon_id: other.id } as any)).rejects.toThrow()
          const rows = await sql(`SELECT count(*)::int AS n FROM coupon_code WHERE code = 'DUPE-1'`)
          expect(rows[0].n).toBe(1)
        })

        it("should free the text of a soft-deleted code", async () => {
          const { code, coupon } = await createCouponWithCode(service, { code: "REUSE-1" })
          await service.softDeleteCouponCodes([code.id])
          const again = await service.createCouponCodes({ code: "REUSE-1", coupon_id: coupon.id } as any)
          expect(again.id).not.toBe(code.id)
        })

        it("should refuse a code that is not normalized (database check)", async () => {
          const { coupon } = await createCouponWithCode(service, { code: "NORM-1" })
          await expect(service.createCouponCodes({ code: "lower-case", coupon_id: coupon.id } as any)).rejects.toThrow(
            /coupon_code_normalized_check/
          )
        })
      })

      describe("counter constraints", () => {
        it("should refuse a usage count above the limit or below zero", async () => {
          const { code } = await createCouponWithCode(service, { codeFields: { usage_limit: 1 } })
          await expect(service.updateCouponCodes({ id: code.id, usage_count: 2 } as any)).rejects.toThrow(/coupon_code_usage_limit_check/)
          await expect(service.updateCouponCodes({ id: code.id, usage_count: -1 } as any)).rejects.toThrow(/coupon_code_usage_count_check/)
        })
      })

      describe("redeemCodes", () => {
        it("should record the ledger row and count code, coupon and customer", async () => {
          const { coupon, code } = await createCouponWithCode(service, {
            coupon: { usage_limit: 10, usage_limit_per_customer: 2 },
          })
          const { redemption_ids } = await service.redeemCodes([
            redemptionFor(coupon, code, { order_id: "order_1", customer_id: "cus_1", email: "Ann@Example.com" }),
          ])
          expect(redemption_ids).toHaveLength(1)

          const [redemption] = await service.listCouponRedemptions({ order_id: "order_1" })
          expect(redemption).toEqual(
            expect.objectContaining({ code: "SUMMER10", status: "redeemed", customer_id: "cus_1", currency_code: "usd" })
          )
          expect((await service.retrieveCouponCode(code.id)).usage_count).toBe(1)
          expect((await service.retrieveCoupon(coupon.id)).usage_count).toBe(1)
          const usages = await service.listCouponCustomerUsages({ coupon_id: coupon.id })
          expect(usages.map((u) => [u.customer_key, u.usage_count]).sort()).toEqual([
            ["customer:cus_1", 1],
            ["email:ann@example.com", 1],
          ])
        })

        it("should count an order only once when redeemed again", async () => {
          const { coupon, code } = await createCouponWithCode(service)
          const input = redemptionFor(coupon, code, { order_id: "order_twice", email: "a@b.co" })
          await service.redeemCodes([input])
          const second = await service.redeemCodes([input])
          expect(second.redemption_ids).toEqual([])
          expect((await service.retrieveCouponCode(code.id)).usage_count).toBe(1)
          expect((await service.retrieveCoupon(coupon.id)).usage_count).toBe(1)
          expect(await service.listCouponRedemptions({ order_id: "order_twice" })).toHaveLength(1)
        })

        it("should refuse a used-up single-use code and write nothing", async () => {
          const { coupon, code } = await createCouponWithCode(service, { codeFields: { usage_limit: 1 } })
          await service.redeemCodes([redemptionFor(coupon, code, { order_id: "order_a" })])
          const attempt = service.redeemCodes([redemptionFor(coupon, code, { order_id: "order_b" })])
          await expect(attempt).rejects.toMatchObject({ code: "code_usage_limit_reached", type: "not_allowed" })
          expect(await service.listCouponRedemptions({ order_id: "order_b" })).toHaveLength(0)
          expect((await service.retrieveCoupon(coupon.id)).usage_count).toBe(1)
        })

        it("should refuse past the coupon's total limit across codes", async () => {
          const { coupon, code } = await createCouponWithCode(service, { coupon: { usage_limit: 1 } })
          const second = await service.createCouponCodes({ code: "SUMMER11", coupon_id: coupon.id } as any)
          await service.redeemCodes([redemptionFor(coupon, code, { order_id: "order_c" })])
          await expect(service.redeemCodes([redemptionFor(coupon, second, { order_id: "order_d" })])).rejects.toMatchObject({
            code: "usage_limit_reached",
          })
          expect((await service.retrieveCouponCode(second.id)).usage_count).toBe(0)
        })

        it("should hold the per-customer cap for a customer and for a guest email", async () => {
          const { coupon, code } = await createCouponWithCode(service, { coupon: { usage_limit_per_customer: 1 } })
          await service.redeemCodes([redemptionFor(coupon, code, { order_id: "o1", customer_id: "cus_9", email: "x@y.io" })])
          // same person as a guest with the same email, different case
          await expect(service.redeemCodes([redemptionFor(coupon, code, { order_id: "o2", email: "X@Y.io" })])).rejects.toMatchObject({
            code: "customer_limit_reached",
          })
          // same account with another email
          await expect(
            service.redeemCodes([redemptionFor(coupon, code, { order_id: "o3", customer_id: "cus_9", email: "new@y.io" })])
          ).rejects.toMatchObject({ code: "customer_limit_reached" })
          await service.redeemCodes([redemptionFor(coupon, code, { order_id: "o4", email: "other@y.io" })])
          expect((await service.retrieveCoupon(coupon.id)).usage_count).toBe(2)
          expect(await service.listCouponRedemptions({ order_id: ["o2", "o3"] })).toHaveLength(0)
        })

        it("should let exactly `usage_limit` of many concurrent checkouts through", async () => {
          const { coupon, code } = await createCouponWithCode(service, { codeFields: { usage_limit: 5 } })
          const results = await Promise.allSettled(
            Array.from({ length: 25 }, (_, i) =>
              service.redeemCodes([redemptionFor(coupon, code, { order_id: `race_${i}`, email: `r${i}@race.io` })])
            )
          )
          const fulfilled = results.filter((r) => r.status === "fulfilled")
          const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected")
          expect(fulfilled).toHaveLength(5)
          expect(rejected.every((r) => r.reason.code === "code_usage_limit_reached")).toBe(true)
          const [counts] = await sql(
            `SELECT (SELECT usage_count FROM coupon_code WHERE id = ?) AS code_count,
                    (SELECT usage_count FROM coupon WHERE id = ?) AS coupon_count,
                    (SELECT count(*)::int FROM coupon_redemption WHERE coupon_code_id = ?) AS ledger`,
            [code.id, coupon.id, code.id]
          )
          expect(counts).toEqual({ code_count: 5, coupon_count: 5, ledger: 5 })
        })
      })

      describe("revertRedemptions", () => {
        it("should give usage back once and mark the row reverted", async () => {
          const { coupon, code } = await createCouponWithCode(service, { coupon: { usage_limit_per_customer: 1 } })
          await service.redeemCodes([redemptionFor(coupon, code, { order_id: "order_r", email: "r@r.io" })])

          const reverted = await service.revertRedemptions({ order_id: "order_r" })
          expect(reverted).toHaveLength(1)
          const again = await service.revertRedemptions({ order_id: "order_r" })
          expect(again).toHaveLength(0)

          const [row] = await service.listCouponRedemptions({ order_id: "order_r" })
          expect(row.status).toBe("reverted")
          expect(row.reverted_at).toBeTruthy()
          expect((await service.retrieveCouponCode(code.id)).usage_count).toBe(0)
          expect((await service.retrieveCoupon(coupon.id)).usage_count).toBe(0)
          const [usage] = await service.listCouponCustomerUsages({ coupon_id: coupon.id })
          expect(usage.usage_count).toBe(0)
          // the customer may use it again
          await service.redeemCodes([redemptionFor(coupon, code, { order_id: "order_r2", email: "r@r.io" })])
        })

        it("should delete the rows when asked to remove them", async () => {
          const { coupon, code } = await createCouponWithCode(service)
          const { redemption_ids } = await service.redeemCodes([redemptionFor(coupon, code, { order_id: "order_x" })])
          await service.revertRedemptions({ redemption_ids, remove: true })
          expect(await service.listCouponRedemptions({ order_id: "order_x" })).toHaveLength(0)
          expect((await service.retrieveCoupon(coupon.id)).usage_count).toBe(0)
        })
      })
    })
  },
})
