#!/usr/bin/env node
// npm run bench:codes
//
// In a fresh database: 1,000,000 codes through the real batch workflow
// (POST /admin/coupons/:id/code-batches, polled until completed) against the
// floor, one raw INSERT … SELECT of 1,000,000 random codes into the same
// table; then GET /admin/coupons/:id/stats over 100,000 ledger rows.
// Targets: workflow/floor ≤ 2, peak RSS ≤ 300 MB, stats p95 ≤ 300 ms.
//
// The app boots in this process (lib/app.mjs), from JavaScript transpiled
// ahead of time in a child process as a built app runs under `medusa start`
// (no compiler resident here), so the batch runs here and
// process.resourceUsage().maxRSS covers it;
// that peak includes the whole Medusa app, hence the extra lines: RSS and JS
// heap around the batch, and (with --expose-gc, as the npm script runs it)
// the heap retained after a full GC before and after the batch. The floor runs
// first on an empty table; its rows are deleted and the table rewritten
// (VACUUM FULL) so that the workflow also starts on an empty table.
//
// Env: DB_HOST / DB_PORT / DB_USERNAME / DB_PASSWORD (default localhost:5432,
// postgres, no password); BENCH_DB_NAME (default medusa_coupons_bench, dropped
// and re-created); BENCH_CODES (default 1000000); BENCH_KEEP_DB=true keeps it.
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { adminClient, adminToken, startApp } from "./lib/app.mjs"
import { databaseUrl, dropDatabase, recreateDatabase, serverConfig } from "../scripts/lib/pg-server.cjs"
import { migrateSync as migrate } from "../scripts/lib/run.mjs"
import { FLOOR_INSERT, SEED_REDEMPTIONS, percentile } from "./lib/sql.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const database = process.env.BENCH_DB_NAME || "medusa_coupons_bench"
const CODES = Number(process.env.BENCH_CODES || 1_000_000)
const REDEMPTIONS = 100_000
const STATS_REQUESTS = 20
const TARGETS = { ratio: 2, rssMb: 300, statsMs: 300 }

const log = (message) => console.log(`[bench] ${message}`)
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`
const mb = () => Math.round(process.resourceUsage().maxRSS / 1024)
const rssNow = () => Math.round(process.memoryUsage().rss / 1024 / 1024)
const heapNow = () => Math.round((process.memoryUsage().heapUsed + process.memoryUsage().external) / 1024 / 1024)
const verdict = (ok) => (ok ? "ok" : "MISSED")
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

Object.assign(process.env, {
  DATABASE_URL: databaseUrl(serverConfig(), database),
  MEDUSA_ADMIN_DISABLE: "true",
  MEDUSA_DISABLE_TELEMETRY: "true",
  LOG_LEVEL: process.env.LOG_LEVEL || "error",
})

log(`fresh database ${database}, migrating…`)
await recreateDatabase(database)
migrate(process.env)

const app = await startApp(root, { compiled: true })
const pg = app.container.resolve("__pg_connection__")
const api = adminClient(app.baseUrl, await adminToken(app.container))
const coupon = async (name) =>
  (await api.post("/admin/coupons", { name, discount_type: "percentage", discount_value: 10, status: "active" })).coupon
const peakAfterBoot = mb()

try {
  // the floor first, on an empty table; its rows are then removed and the
  // table rewritten, so that the workflow also starts on an empty table
  const floorCoupon = await coupon("Floor")
  let started = Date.now()
  const floorResult = await pg.raw(FLOOR_INSERT, [floorCoupon.id, CODES])
  const floorMs = Date.now() - started
  log(`floor: ${floorResult.rowCount} codes in ${seconds(floorMs)}`)
  await pg.raw(`DELETE FROM coupon_code WHERE coupon_id = ?`, [floorCoupon.id])
  await pg.raw(`VACUUM FULL ANALYZE coupon_code`)

  const batchCoupon = await coupon("Bench batch")
  const heapAfterGc = () => (globalThis.gc ? (globalThis.gc(), heapNow()) : null)
  const retainedBefore = heapAfterGc()
  const rssBeforeBatch = rssNow()
  let rssDuringBatch = rssBeforeBatch
  const heapBeforeBatch = heapNow()
  let heapDuringBatch = heapBeforeBatch
  const sampler = setInterval(() => {
    rssDuringBatch = Math.max(rssDuringBatch, rssNow())
    heapDuringBatch = Math.max(heapDuringBatch, heapNow())
  }, 100)
  started = Date.now()
  const { batch } = await api.post(`/admin/coupons/${batchCoupon.id}/code-batches`, { count: CODES })
  const acceptedMs = Date.now() - started
  let current = batch
  while (["pending", "running"].includes(current.status)) {
    await sleep(50)
    current = (await api.get(`/admin/coupons/${batchCoupon.id}/code-batches/${batch.id}`)).batch
  }
  const workflowMs = Date.now() - started
  clearInterval(sampler)
  if (current.status !== "completed") {
    throw new Error(`batch ended ${current.status}: ${current.error}`)
  }
  const distinct = (await pg.raw(`SELECT count(DISTINCT code)::int AS n FROM coupon_code WHERE batch_id = ?`, [batch.id])).rows[0].n
  const peakRssMb = mb()
  const retainedAfter = heapAfterGc()
  log(`workflow: ${current.generated_count} codes (${distinct} distinct) in ${seconds(workflowMs)}, 202 after ${acceptedMs} ms`)

  await pg.raw(SEED_REDEMPTIONS, [batchCoupon.id, REDEMPTIONS])
  // rows written by SQL: build the stats rollups as the backfill does
  await app.container.resolve("coupon").rebuildCouponStats()
  await pg.raw(`ANALYZE coupon_redemption`)
  const statsUrl = `/admin/coupons/${batchCoupon.id}/stats`
  const timeStats = async () => {
    await api.get(statsUrl)
    const timings = []
    for (let i = 0; i < STATS_REQUESTS; i++) {
      const t = performance.now()
      await api.get(statsUrl)
      timings.push(performance.now() - t)
    }
    return timings.sort((a, b) => a - b)
  }
  // right after the bulk insert, then in the steady state autovacuum reaches
  // within a minute or two (visibility map set: index-only counts of codes)
  const fresh = await timeStats()
  await pg.raw(`VACUUM ANALYZE coupon_code`)
  await pg.raw(`VACUUM ANALYZE coupon_redemption`)
  const timings = await timeStats()
  const stats = await api.get(statsUrl)
  const storeT = performance.now()
  await api.get("/admin/coupons/stats")
  const storeStatsMs = performance.now() - storeT

  const ratio = workflowMs / floorMs
  const p50 = percentile(timings, 50)
  const p95 = percentile(timings, 95)
  console.log("")
  console.log(`codes                      ${CODES.toLocaleString("en-US")}`)
  console.log(`floor (INSERT … SELECT)    ${seconds(floorMs)}`)
  console.log(
    `batch workflow             ${seconds(workflowMs)}  (202 in ${acceptedMs} ms, ${distinct.toLocaleString("en-US")} distinct codes)`
  )
  console.log(`ratio workflow / floor     ${ratio.toFixed(2)}  target ≤ ${TARGETS.ratio}  ${verdict(ratio <= TARGETS.ratio)}`)
  console.log(
    `peak RSS (maxRSS)          ${peakRssMb} MB  target ≤ ${TARGETS.rssMb}  ${verdict(peakRssMb <= TARGETS.rssMb)}  (boot alone peaked at ${peakAfterBoot} MB)`
  )
  console.log(`RSS around the batch       ${rssBeforeBatch} MB before, ${rssDuringBatch} MB at most while it ran (sampled every 100 ms)`)
  console.log(
    `JS heap + external         ${heapBeforeBatch} MB before, ${heapDuringBatch} MB at most while it ran${retainedBefore === null ? "" : `; after a full GC ${retainedBefore} MB before, ${retainedAfter} MB after`}`
  )
  console.log(
    `stats over                 ${stats.redemptions.toLocaleString("en-US")} redeemed of ${REDEMPTIONS.toLocaleString("en-US")} ledger rows, ${CODES.toLocaleString("en-US")} codes`
  )
  console.log(
    `GET …/:id/stats, fresh     p50 ${percentile(fresh, 50).toFixed(1)} ms  p95 ${percentile(fresh, 95).toFixed(1)} ms over ${STATS_REQUESTS} (right after the bulk inserts)`
  )
  console.log(
    `GET …/:id/stats            p50 ${p50.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms over ${STATS_REQUESTS}  target ≤ ${TARGETS.statsMs}  ${verdict(p95 <= TARGETS.statsMs)}  (after VACUUM ANALYZE)`
  )
  console.log(`GET /admin/coupons/stats   ${storeStatsMs.toFixed(1)} ms (one request)`)
  console.log(
    `load average               ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(" ")} on ${os.cpus().length} CPUs`
  )
} finally {
  await app.stop()
  if (process.env.BENCH_KEEP_DB !== "true") {
    await dropDatabase(database)
  }
}
process.exit(0)
