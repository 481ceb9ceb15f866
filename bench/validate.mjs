#!/usr/bin/env node
// Validate under load and lookup scaling: POST /store/coupons/validate { code }
// (publishable key header, no cart: the code lookup and the rules) with 10,000
// codes in coupon_code, then with 1,000,000, in the same process. At each size:
// autocannon, 50 connections for 10 s, in a worker thread so that the load
// generator does not share the app's event loop (it also warms the app up),
// then 1,000 sequential requests for random codes of the table (the latency of
// one lookup; p99 of these is the scaling target, 1M / 10k ≤ 1.2). The codes are filled with raw INSERT … SELECT
// (upper-case hex, unique, as the table's checks require) and the table
// vacuumed and analyzed before each measurement.
import { createHash, randomInt } from "node:crypto"
import { fileURLToPath } from "node:url"
import { createRequire } from "node:module"
import { log, ms, percentile, runStandalone, verdict } from "./lib/harness.mjs"

const require = createRequire(import.meta.url)
const autocannon = require("autocannon")

const SIZES = [10_000, 1_000_000]
const SEQUENTIAL = 1000
const WARMUP = 50
const CONNECTIONS = 50
const DURATION = Number(process.env.BENCH_VALIDATE_SECONDS || 10)
const TARGET = 1.2

// the n-th code: "L" + 16 upper-case hex characters of md5(n), the same in SQL and here
const codeOf = (n) => `L${createHash("md5").update(String(n)).digest("hex").slice(0, 16).toUpperCase()}`
const FILL = `
  INSERT INTO coupon_code (id, code, coupon_id)
  SELECT 'cpncode_bench_' || g, 'L' || upper(substr(md5(g::text), 1, 16)), ?
  FROM generate_series(?::int, ?::int) AS g
  ON CONFLICT (code) WHERE deleted_at IS NULL DO NOTHING`

export const run = async (ctx) => {
  const { api, app, pg, storeHeaders, createCoupon } = ctx
  const coupon = await createCoupon("LOOKUP", { usage_limit_per_customer: null })
  const validate = (code) => api.post("/store/coupons/validate", { code }, { headers: storeHeaders })
  const results = []
  let filled = 0
  // JIT and connection pool: the first size must not pay for them
  for (let i = 0; i < 200; i++) {
    await validate("LOOKUP")
  }
  const loadTest = (size, duration) =>
    autocannon({
      url: `${app.baseUrl}/store/coupons/validate`,
      connections: CONNECTIONS,
      duration,
      workers: 1,
      headers: { "content-type": "application/json", "x-publishable-api-key": storeHeaders["x-publishable-api-key"] },
      // autocannon cycles through these bodies
      requests: Array.from({ length: 500 }, () => ({
        method: "POST",
        body: JSON.stringify({ code: size ? codeOf(randomInt(1, size + 1)) : "LOOKUP" }),
      })),
    })
  // and a few seconds of load, untimed, so that the first size is not the colder one
  await loadTest(0, 5)
  await new Promise((resolve) => setTimeout(resolve, 2000))

  for (const size of SIZES) {
    const started = Date.now()
    await pg.raw(FILL, [coupon.id, filled + 1, size])
    filled = size
    await pg.raw(`VACUUM ANALYZE coupon_code`)
    const rows = (await pg.raw(`SELECT count(*)::int AS n FROM coupon_code WHERE deleted_at IS NULL`)).rows[0].n
    log(
      `validate: ${rows.toLocaleString("en-US")} codes in coupon_code (filled and vacuumed in ${((Date.now() - started) / 1000).toFixed(1)} s)`
    )

    const sample = await validate(codeOf(randomInt(1, size + 1)))
    if (!sample.data.valid) {
      throw new Error(`a filled code does not validate: ${JSON.stringify(sample.data)}`)
    }
    const load = await loadTest(size, DURATION)
    // requests still queued in the app when autocannon stops
    await new Promise((resolve) => setTimeout(resolve, 2000))
    for (let i = 0; i < WARMUP; i++) {
      await validate(codeOf(randomInt(1, size + 1)))
    }
    const timings = []
    for (let i = 0; i < SEQUENTIAL; i++) {
      const code = codeOf(randomInt(1, size + 1))
      const t = performance.now()
      await validate(code)
      timings.push(performance.now() - t)
    }

    results.push({ size, rows, timings, load })
  }

  const line = ({ rows, timings }) =>
    `p50 ${ms(percentile(timings, 50))}  p99 ${ms(percentile(timings, 99))}  (${SEQUENTIAL} sequential, ${rows.toLocaleString("en-US")} codes)`
  const loadLine = ({ rows, load }) =>
    `${Math.round(load.requests.average)} req/s  p50 ${load.latency.p50} ms  p99 ${load.latency.p99} ms  ` +
    `${load.non2xx} non-2xx, ${load.errors} errors, ${load.timeouts} timeouts  (${rows.toLocaleString("en-US")} codes)`
  const [small, large] = results
  const ratio = percentile(large.timings, 99) / percentile(small.timings, 99)
  console.log("")
  console.log(`== 2. POST /store/coupons/validate ==`)
  console.log(`autocannon ${CONNECTIONS} conn, ${DURATION} s   ${loadLine(small)}`)
  console.log(`autocannon ${CONNECTIONS} conn, ${DURATION} s   ${loadLine(large)}`)
  console.log(`lookup, 10k codes            ${line(small)}`)
  console.log(`lookup, 1M codes             ${line(large)}`)
  console.log(`ratio p99 1M / 10k           ${ratio.toFixed(2)}  target ≤ ${TARGET}  ${verdict(ratio <= TARGET)}`)
  return { results, ratio }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runStandalone("validate", run)
}
