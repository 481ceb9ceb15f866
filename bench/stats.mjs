#!/usr/bin/env node
// npm run bench:stats: the stats at scale (issue 16). 10,000,000 ledger rows over
// 200 coupons and two years, bulk-loaded by SQL (bench/lib/sql.mjs SEED_LEDGER),
// then the rollups built by the backfill (the coupon module's rebuildCouponStats,
// what the migration and `medusa exec ./src/scripts/rebuild-coupon-stats.ts`
// run). Then, through the admin API: per-coupon stats (20 requests over the 20
// busiest coupons) and store-wide stats (20 requests), all time and over the
// last 30 days; every figure checked against the aggregates computed over the
// raw rows (the ledger path of the same code), which also gives the baseline.
// Targets: per-coupon p95 ≤ 50 ms, store-wide p95 ≤ 100 ms.
// Env: BENCH_STATS_ROWS (default 10,000,000), BENCH_KEEP_DB=true, DB_*;
// BENCH_STATS_DB=<a database a kept run left> measures again without loading.
import { createRequire } from "node:module"
import { log, ms, percentile, runStandalone, setup, verdict } from "./lib/harness.mjs"
import { SEED_LEDGER } from "./lib/sql.mjs"

const require = createRequire(import.meta.url)
const ROWS = Number(process.env.BENCH_STATS_ROWS || 10_000_000)
const COUPONS = 200
const UNIQUE_CODE_COUPONS = 50
const CODES_PER_UNIQUE_COUPON = 2_000
const REQUESTS = 20
const CHUNK = 1_000_000
const TARGETS = { coupon: 50, store: 100 }
const DAY = 86_400_000

const seconds = (started) => `${((Date.now() - started) / 1000).toFixed(1)} s`

/** The coupons, codes and ledger rows, bulk-loaded, and the rollups built by the backfill. */
const load = async (pg, service) => {
  let started = Date.now()
  // 150 coupons with one shared code, 50 with 2,000 unique codes each
  const coupons = await service.createCoupons(
    Array.from({ length: COUPONS }, (_, n) => ({
      name: `Stats ${String(n).padStart(3, "0")}`,
      status: "active",
      discount_type: "percentage",
      discount_value: 10,
    }))
  )
  for (const [n, coupon] of coupons.entries()) {
    const count = n < UNIQUE_CODE_COUPONS ? CODES_PER_UNIQUE_COUPON : 1
    await service.insertCouponCodes(
      coupon.id,
      Array.from({ length: count }, (_, i) => ({ code: `ST${String(n).padStart(3, "0")}-${String(i).padStart(5, "0")}` }))
    )
  }
  await pg.raw(`DROP TABLE IF EXISTS bench_codes`)
  await pg.raw(
    `CREATE TABLE bench_codes AS
     SELECT c.n - 1 AS coupon_n, (row_number() OVER (PARTITION BY k.coupon_id ORDER BY k.code) - 1)::int AS n,
            k.coupon_id, k.id AS code_id, k.code, count(*) OVER (PARTITION BY k.coupon_id)::int AS codes
     FROM coupon_code k JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM coupon WHERE name LIKE 'Stats %') c ON c.id = k.coupon_id`
  )
  await pg.raw(`CREATE INDEX ON bench_codes (coupon_n, n)`)
  log(
    `${COUPONS} coupons, ${(UNIQUE_CODE_COUPONS * CODES_PER_UNIQUE_COUPON + COUPONS - UNIQUE_CODE_COUPONS).toLocaleString("en-US")} codes in ${seconds(started)}`
  )

  // bulk load: the ledger's secondary indexes dropped, the rows inserted, the indexes built again
  started = Date.now()
  const indexes = (
    await pg.raw(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'coupon_redemption' AND indexname <> 'coupon_redemption_pkey'`
    )
  ).rows
  for (const { indexname } of indexes) {
    await pg.raw(`DROP INDEX "${indexname}"`)
  }
  for (let first = 1; first <= ROWS; first += CHUNK) {
    const last = Math.min(ROWS, first + CHUNK - 1)
    await pg.raw(SEED_LEDGER, [COUPONS, COUPONS, first, last])
    log(`ledger rows ${last.toLocaleString("en-US")} / ${ROWS.toLocaleString("en-US")} (${seconds(started)})`)
  }
  await pg.raw(`SET maintenance_work_mem = '1GB'`)
  for (const { indexdef } of indexes) {
    await pg.raw(indexdef)
  }
  await pg.raw(`DROP TABLE bench_codes`)
  await pg.raw(`VACUUM ANALYZE coupon_redemption`)
  const rows = (await pg.raw(`SELECT count(*)::int AS n FROM coupon_redemption`)).rows[0].n
  log(`${rows.toLocaleString("en-US")} ledger rows loaded and indexed in ${seconds(started)}`)

  started = Date.now()
  const built = await service.rebuildCouponStats()
  await pg.raw(`VACUUM ANALYZE coupon_stats_day`)
  await pg.raw(`VACUUM ANALYZE coupon_stats_distinct`)
  const backfill = seconds(started)
  log(
    `rollups built by the backfill in ${backfill}: ${built.days.toLocaleString("en-US")} day rows, ${built.entries.toLocaleString("en-US")} distinct entries`
  )

  return { rows, backfill }
}

const counted = async (pg) => ({
  rows: (await pg.raw(`SELECT count(*)::int AS n FROM coupon_redemption`)).rows[0].n,
  backfill: "(kept database: not run)",
})

export const run = async ({ app, admin, pg }, { loaded = false } = {}) => {
  const { couponStats, topCoupons } = require("../src/modules/coupon/repositories/coupon-stats.ts")
  const service = app.container.resolve("coupon")
  const { rows, backfill } = loaded ? await counted(pg) : await load(pg, service)

  const busiest = (
    await pg.raw(`SELECT coupon_id FROM coupon_redemption GROUP BY coupon_id ORDER BY count(*) DESC, coupon_id LIMIT ?`, [REQUESTS])
  ).rows.map((row) => row.coupon_id)
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate())
  const last30 = { from: new Date(today - 29 * DAY), to: new Date(today + DAY) }
  const query = (window) =>
    window ? `?from=${window.from.toISOString().slice(0, 10)}&to=${new Date(window.to - DAY).toISOString().slice(0, 10)}` : ""

  const timed = async (urls) => {
    await admin.get(urls[0])
    const timings = []
    const answers = []
    for (const url of urls) {
      const t = performance.now()
      answers.push(await admin.get(url))
      timings.push(performance.now() - t)
    }
    return { timings: timings.sort((a, b) => a - b), answers }
  }
  // the ledger path: the same code's aggregates over the raw rows
  const read = (sql, bindings) => pg.transaction(async (trx) => (await trx.raw("SET LOCAL work_mem = '256MB'"), trx.raw(sql, bindings)))
  let ledgerMs = []
  const ledger = async (input, top) => {
    const t = performance.now()
    const [stats, topList] = await Promise.all([couponStats(read, input, "ledger"), top ? topCoupons(read, input, top, "ledger") : null])
    ledgerMs.push(performance.now() - t)
    return top ? { ...stats, top_coupons: topList } : stats
  }
  const mismatches = []
  const check = (label, answer, expected) => {
    const { coupon_id: _id, from: _from, to: _to, ...figures } = answer
    if (JSON.stringify(figures) !== JSON.stringify(expected)) {
      mismatches.push(label)
      log(`MISMATCH ${label}:\n  api    ${JSON.stringify(figures).slice(0, 600)}\n  ledger ${JSON.stringify(expected).slice(0, 600)}`)
    }
  }

  const results = []
  for (const [label, window] of [
    ["all time", null],
    ["last 30 days", last30],
  ]) {
    const perCoupon = await timed(busiest.map((id) => `/admin/coupons/${id}/stats${query(window)}`))
    const storeWide = await timed(Array.from({ length: REQUESTS }, () => `/admin/coupons/stats${query(window)}`))
    ledgerMs = []
    for (const [i, id] of busiest.entries()) {
      check(`coupon ${id}, ${label}`, perCoupon.answers[i], await ledger({ coupon_id: id, ...(window ?? {}) }))
    }
    const couponLedgerMs = [...ledgerMs].sort((a, b) => a - b)
    ledgerMs = []
    check(`store, ${label}`, storeWide.answers[0], await ledger(window ?? {}, 5))
    results.push({ label, perCoupon, storeWide, couponLedgerMs, storeLedgerMs: ledgerMs[0] })
  }

  const sample = results[0].storeWide.answers[0]
  console.log("")
  console.log(`== stats over ${rows.toLocaleString("en-US")} ledger rows, ${COUPONS} coupons, 2 years ==`)
  console.log(
    `store: ${sample.redemptions.toLocaleString("en-US")} redemptions, ${sample.orders.toLocaleString("en-US")} orders, ${sample.unique_customers.toLocaleString("en-US")} customers (${sample.new_customers.toLocaleString("en-US")} new, ${sample.returning_customers.toLocaleString("en-US")} returning), ${sample.by_currency.map((c) => `${c.currency_code} ${c.revenue.toLocaleString("en-US")}`).join(", ")} revenue`
  )
  console.log(`backfill (rollups from the ledger)        ${backfill}`)
  for (const { label, perCoupon, storeWide, couponLedgerMs, storeLedgerMs } of results) {
    const couponP95 = percentile(perCoupon.timings, 95)
    const storeP95 = percentile(storeWide.timings, 95)
    const couponLedgerP50 = percentile(couponLedgerMs, 50)
    console.log(
      `GET /admin/coupons/:id/stats, ${label.padEnd(12)} p50 ${ms(percentile(perCoupon.timings, 50)).padStart(9)}  p95 ${ms(couponP95).padStart(9)}  target ≤ ${TARGETS.coupon} ms  ${verdict(couponP95 <= TARGETS.coupon)}  (ledger rows: p50 ${ms(couponLedgerP50)}, ${(couponLedgerP50 / percentile(perCoupon.timings, 50)).toFixed(0)}× slower)`
    )
    console.log(
      `GET /admin/coupons/stats,     ${label.padEnd(12)} p50 ${ms(percentile(storeWide.timings, 50)).padStart(9)}  p95 ${ms(storeP95).padStart(9)}  target ≤ ${TARGETS.store} ms  ${verdict(storeP95 <= TARGETS.store)}  (ledger rows: ${ms(storeLedgerMs)}, ${(storeLedgerMs / percentile(storeWide.timings, 50)).toFixed(0)}× slower)`
    )
  }
  console.log(
    `every figure equal to the ledger's aggregates (${results.length * (busiest.length + 1)} answers)  ${verdict(!mismatches.length)}${mismatches.length ? `: ${mismatches.join("; ")}` : ""}`
  )
  return { results, mismatches }
}

if (process.env.BENCH_STATS_DB) {
  const ctx = await setup(process.env.BENCH_STATS_DB, { reuse: true })
  try {
    await run(ctx, { loaded: true })
  } finally {
    await ctx.teardown()
  }
  process.exit(0)
} else {
  await runStandalone("stats", run)
}
