import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import fc from "fast-check"
import { COUPON_MODULE } from ".."
import { couponStats, ledgerFigures, topCoupons } from "../repositories/coupon-stats"
import type CouponModuleService from "../service"
import type { CouponStatsInput } from "../types"
import { createCouponWithCode, redemptionFor } from "./fixtures"

jest.setTimeout(300_000)

/*
 * The stats read daily rollups that every ledger change keeps. Whatever the
 * changes (checkouts, returns, refunds, cancels, removed checkouts; on days
 * before and after each other; guests and customers, first orders or not, two
 * currencies, orders with two codes), every figure of every whole-day window
 * must equal the one computed from the ledger's rows, and the rollups must equal
 * a rebuild from scratch.
 */

const DAY = 86_400_000
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate())
const dayAt = (offset: number) => new Date(today + offset * DAY)

type Redeemer = { customer_id?: string; email?: string }
const REDEEMERS: Redeemer[] = [
  { customer_id: "cus_a", email: "a@example.com" },
  { customer_id: "cus_b" },
  { email: "Guest@Example.com" },
  { email: "guest@example.com" },
  { email: "other@example.com" },
]

const order = fc.record({
  // 0, 1 or 2 codes of a pool of four (two per coupon)
  codes: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 2 }),
  redeemer: fc.integer({ min: 0, max: REDEEMERS.length - 1 }),
  first_order: fc.constantFrom(null, true, false),
  currency: fc.constantFrom("usd", "eur"),
  discount: fc.integer({ min: 1, max: 4000 }).map((cents) => cents / 100),
  total: fc.option(
    fc.integer({ min: 1, max: 90_000 }).map((cents) => cents / 100),
    { nil: null }
  ),
})

type PlacedOrder = typeof order extends fc.Arbitrary<infer T> ? T : never

const change = fc.oneof(
  fc.record({ kind: fc.constant("checkout" as const), order }),
  fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("adjust" as const),
    pick: fc.nat(),
    status: fc.constantFrom("partially_returned" as const, "returned" as const, "reverted" as const, "redeemed" as const),
    keep: fc.integer({ min: 0, max: 100 }),
    refunded: fc.integer({ min: 0, max: 5000 }).map((cents) => cents / 100),
  })
)

const scenario = fc.record({
  // the orders already on the ledger, each on a day from 12 days ago to 12 days ahead
  past: fc.array(fc.record({ order, day: fc.integer({ min: -12, max: 12 }) }), { minLength: 1, maxLength: 14 }),
  changes: fc.array(change, { minLength: 1, maxLength: 10 }),
  windows: fc.array(
    fc.record({ from: fc.option(fc.integer({ min: -14, max: 14 }), { nil: undefined }), days: fc.integer({ min: 1, max: 30 }) }),
    { minLength: 2, maxLength: 4 }
  ),
})

moduleIntegrationTestRunner<CouponModuleService>({
  moduleName: COUPON_MODULE,
  resolve: "./src/modules/coupon",
  pathToMigrations: "./src/modules/coupon/migrations",
  testSuite: ({ service, MikroOrmWrapper }) => {
    const sql = async (query: string, bindings: unknown[] = []) =>
      (await MikroOrmWrapper.getManager().getConnection().execute(query, bindings)) as any[]
    const read = async (query: string, bindings: unknown[]) => ({ rows: await sql(query, bindings) })

    const rollupRows = async () => ({
      days: await sql(
        `SELECT scope, day::text, currency_code, redemptions, orders, trim_scale(discount_total)::text AS discount_total, trim_scale(discount_gross)::text AS discount_gross, trim_scale(revenue)::text AS revenue,
                trim_scale(revenue_gross)::text AS revenue_gross, trim_scale(refunded_total)::text AS refunded_total
         FROM coupon_stats_day WHERE redemptions <> 0 OR orders <> 0 OR discount_total <> 0 OR discount_gross <> 0
           OR revenue <> 0 OR revenue_gross <> 0 OR refunded_total <> 0
         ORDER BY 1, 2, 3`
      ),
      entries: await sql(`SELECT scope, kind, day::text, since::text, keys FROM coupon_stats_distinct WHERE keys <> 0 ORDER BY 1, 2, 3, 4`),
    })

    describe("stats rollups", () => {
      it("should answer every whole-day window as the ledger's rows do, through any sequence of changes", async () => {
        const coupons = [await createCouponWithCode(service, { code: "ROLL-A1" }), await createCouponWithCode(service, { code: "ROLL-B1" })]
        const codes = [
          { coupon: coupons[0].coupon, code: coupons[0].code },
          { coupon: coupons[0].coupon, code: await service.createCouponCodes({ code: "ROLL-A2", coupon_id: coupons[0].coupon.id } as any) },
          { coupon: coupons[1].coupon, code: coupons[1].code },
          { coupon: coupons[1].coupon, code: await service.createCouponCodes({ code: "ROLL-B2", coupon_id: coupons[1].coupon.id } as any) },
        ]
        let run = 0

        await fc.assert(
          fc.asyncProperty(scenario, async ({ past, changes, windows }) => {
            run++
            await sql("DELETE FROM coupon_redemption")
            await service.rebuildCouponStats()
            const orders: string[] = []
            const checkout = async (id: string, placed: PlacedOrder) => {
              const redeemer = REDEEMERS[placed.redeemer]
              await service.redeemCodes(
                placed.codes.map((index, n) =>
                  redemptionFor(codes[index].coupon, codes[index].code, {
                    order_id: id,
                    ...redeemer,
                    discount_amount: placed.discount + n,
                    order_total: placed.total,
                    currency_code: placed.currency,
                    first_order: placed.first_order,
                  })
                )
              )
              orders.push(id)
            }

            for (const [index, { order: placed, day }] of past.entries()) {
              const id = `order_${run}_past_${index}`
              await checkout(id, placed)
              await sql(`UPDATE coupon_redemption SET created_at = ? WHERE order_id = ?`, [
                new Date(dayAt(day).getTime() + 3_600_000 * (index % 20)),
                id,
              ])
            }
            // the ledger was moved in time by hand: rebuild, as the backfill does
            await service.rebuildCouponStats()

            for (const [index, step] of changes.entries()) {
              const target = "pick" in step && orders.length ? orders[step.pick % orders.length] : null
              if (step.kind === "checkout") {
                await checkout(`order_${run}_new_${index}`, step.order)
              } else if (step.kind === "cancel" && target) {
                await service.revertRedemptions({ order_id: target })
              } else if (step.kind === "remove" && target) {
                const ids = (await sql(`SELECT id FROM coupon_redemption WHERE order_id = ?`, [target])).map((row) => row.id)
                await service.revertRedemptions({ redemption_ids: ids, remove: true })
              } else if (step.kind === "adjust" && target) {
                await service.adjustOrderRedemptions(target, async (rows) => {
                  const next = new Map()
                  for (const row of rows) {
                    const [current] = await sql(
                      `SELECT original_discount_amount, discount_amount, order_total FROM coupon_redemption WHERE id = ?`,
                      [row.id]
                    )
                    const discount = Number(current.original_discount_amount ?? current.discount_amount)
                    const kept = Math.round(discount * step.keep) / 100
                    next.set(row.id, {
                      discount_amount: kept,
                      returned_discount_amount: Math.round((discount - kept) * 100) / 100,
                      refunded_amount: step.refunded,
                      order_total: Math.round(Number(current.order_total ?? 0) * step.keep) / 100,
                      status: step.status,
                      release_usage: step.status === "returned" || step.status === "reverted",
                    })
                  }
                  return next
                })
              }
            }

            const scopes: CouponStatsInput[] = [{}, { coupon_id: coupons[0].coupon.id }, { coupon_id: coupons[1].coupon.id }]
            const spans: Omit<CouponStatsInput, "coupon_id">[] = [
              {},
              ...windows.map(({ from, days }) => ({
                from: from === undefined ? undefined : dayAt(from),
                to: dayAt((from ?? -14) + days),
              })),
            ]
            for (const scope of scopes) {
              for (const span of spans) {
                const input = { ...scope, ...span }
                const fromRollups = await couponStats(read, input)
                const fromLedger = await couponStats(read, input, "ledger")
                expect({ input, stats: fromRollups }).toEqual({ input, stats: fromLedger })
                expect({ input, top: await topCoupons(read, input, 5) }).toEqual({ input, top: await topCoupons(read, input, 5, "ledger") })
              }
            }
            // and what was kept step by step is what a rebuild from scratch makes
            const kept = await rollupRows()
            await service.rebuildCouponStats()
            expect(kept).toEqual(await rollupRows())
          }),
          { numRuns: Number(process.env.ROLLUP_RUNS ?? 40), endOnFailure: true }
        )
        expect(run).toBeGreaterThanOrEqual(1)
      })

      it("should take a timestamp window (not whole days) from the ledger's rows", async () => {
        const { coupon, code } = await createCouponWithCode(service, { code: "ROLL-T1" })
        await service.redeemCodes([redemptionFor(coupon, code, { order_id: "order_t1", customer_id: "cus_t", order_total: 40 })])
        const from = new Date(Date.now() - 60_000)
        const input = { coupon_id: coupon.id, from }
        const stats = await couponStats(read, input)
        expect(stats).toEqual(await couponStats(read, input, "ledger"))
        expect(stats).toEqual(expect.objectContaining({ redemptions: 1, unique_customers: 1, orders: 1, revenue: 40 }))
        // the same answer the ledger's own aggregates give
        expect((await ledgerFigures(read, input)).codes_redeemed).toBe(1)
      })
    })
  },
})
