#!/usr/bin/env node
// Uniform refusals (issue 17): with `uniform_refusals: true`, do the answers for
// an unknown, a disabled, an expired, a used-up and a not-yours code take the
// same time? POST /store/coupons/validate { code, cart_id } for each kind, in
// rounds (one request of each kind per round, in a shuffled order, so drift of
// the machine hits every kind alike), after a warm-up. Prints each kind's p50 and
// p95 side by side and the spread of the p50s (slowest / fastest). Also checks
// that the five answers are the same but for the code typed.
//   node bench/refusals.mjs      (BENCH_REFUSAL_ROUNDS, default 400)
import { fileURLToPath } from "node:url"
import { log, ms, percentile, runStandalone, verdict } from "./lib/harness.mjs"

const ROUNDS = Number(process.env.BENCH_REFUSAL_ROUNDS || 400)
const WARMUP = 50
// p50s within 10 % of each other: below what two runs of one kind differ by here
const TARGET = 1.1
const DAY = 86_400_000

const shuffled = (values) => {
  const copy = [...values]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}

export const run = async (ctx) => {
  const { api, pg, storeHeaders, createCoupon, createCart } = ctx
  // two unknown codes: how far two runs of the same kind differ is the noise the kinds are compared with
  const kinds = { unknown: "NO-SUCH-CODE-1", "unknown 2": "NO-SUCH-CODE-2" }
  const made = async (kind, code, tweak) => {
    const coupon = await createCoupon(code)
    await tweak(coupon)
    kinds[kind] = code
  }
  await made("disabled", "BENCH-OFF", (coupon) => pg.raw(`UPDATE coupon SET status = 'inactive' WHERE id = ?`, [coupon.id]))
  await made("expired", "BENCH-OLD", (coupon) =>
    pg.raw(`UPDATE coupon SET starts_at = ?, ends_at = ? WHERE id = ?`, [
      new Date(Date.now() - 10 * DAY),
      new Date(Date.now() - DAY),
      coupon.id,
    ])
  )
  await made("used up", "BENCH-USED", (coupon) =>
    pg.raw(`UPDATE coupon_code SET usage_limit = 1, usage_count = 1 WHERE coupon_id = ?`, [coupon.id])
  )
  await made("not yours", "BENCH-THEIRS", (coupon) =>
    pg.raw(`UPDATE coupon_code SET assigned_email = 'someone-else@bench.local' WHERE coupon_id = ?`, [coupon.id])
  )
  const cartId = await createCart()
  const validate = (code) => api.post("/store/coupons/validate", { code, cart_id: cartId }, { headers: storeHeaders })

  const answers = await Promise.all(Object.values(kinds).map(validate))
  const shapes = new Set(answers.map(({ data }) => JSON.stringify({ ...data, code: "…" })))
  if (shapes.size !== 1) {
    throw new Error(`the refusals differ: ${[...shapes].join(" | ")}`)
  }
  log(`refusals: every kind answers ${[...shapes][0]}`)

  for (let i = 0; i < WARMUP; i++) {
    for (const code of Object.values(kinds)) await validate(code)
  }
  const timings = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, []]))
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of shuffled(Object.keys(kinds))) {
      const started = performance.now()
      await validate(kinds[kind])
      timings[kind].push(performance.now() - started)
    }
  }

  const p50s = Object.values(timings).map((values) => percentile(values, 50))
  const spread = Math.max(...p50s) / Math.min(...p50s)
  const [a, b] = [percentile(timings.unknown, 50), percentile(timings["unknown 2"], 50)]
  const noise = Math.max(a, b) / Math.min(a, b)
  console.log("")
  console.log(`== refusals: POST /store/coupons/validate with uniform_refusals, ${ROUNDS} rounds ==`)
  for (const [kind, values] of Object.entries(timings)) {
    console.log(`${kind.padEnd(12)} p50 ${ms(percentile(values, 50)).padStart(9)}  p95 ${ms(percentile(values, 95)).padStart(9)}`)
  }
  console.log(`noise: the two unknown codes' p50s differ by ${noise.toFixed(2)}×`)
  console.log(`spread of p50s (slowest / fastest)  ${spread.toFixed(2)}  target ≤ ${TARGET}  ${verdict(spread <= TARGET)}`)
  return { timings, spread, noise }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.COUPON_UNIFORM_REFUSALS = "true"
  await runStandalone("refusals", run)
}
