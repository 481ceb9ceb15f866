#!/usr/bin/env node
// npm run bench: the performance benchmarks of issue 7, in one process on one
// fresh database (bench_perf_<pid>, dropped at the end), each printing its
// figures, ratio and PASS/FAIL; a missed target does not fail the command.
//   1. bench/apply.mjs       apply a code: our route against Medusa's native one
//   2. bench/validate.mjs    validate under load; lookup p99 at 10k and 1M codes
//   3. bench/contention.mjs  200 concurrent completions sharing one capped code
// Contention runs before validate fills coupon_code with a million codes.
// Each file also runs alone (`node bench/apply.mjs`) on its own database.
// Env: DB_HOST / DB_PORT / DB_USERNAME / DB_PASSWORD, BENCH_KEEP_DB=true,
// BENCH_APPLY_REQUESTS, BENCH_CONTENTION_CARTS, BENCH_VALIDATE_SECONDS.
import { run as apply } from "./apply.mjs"
import { run as contention } from "./contention.mjs"
import { run as validate } from "./validate.mjs"
import { loadLine, log, setup } from "./lib/harness.mjs"

const started = Date.now()
const ctx = await setup(`bench_perf_${process.pid}`)
try {
  for (const [name, bench] of [
    ["apply", apply],
    ["contention", contention],
    ["validate", validate],
  ]) {
    const t = Date.now()
    await bench(ctx)
    log(`${name} took ${((Date.now() - t) / 1000).toFixed(0)} s; ${loadLine()}`)
  }
} finally {
  await ctx.teardown()
}
log(`all benchmarks in ${((Date.now() - started) / 1000).toFixed(0)} s`)
process.exit(0)
