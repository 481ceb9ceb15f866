// What the performance benchmarks share: a fresh database, this repository's
// app booted in this process, a real store (the HTTP tests' own fixture) and
// small clients for the admin and store APIs.
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { adminClient, adminToken, startApp } from "./app.mjs"
import { databaseUrl, dropDatabase, recreateDatabase, serverConfig } from "../../scripts/lib/pg-server.cjs"
import { migrateSync as migrate } from "../../scripts/lib/run.mjs"

const require = createRequire(import.meta.url)
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

export const log = (message) => console.log(`[bench] ${message}`)
export const verdict = (ok) => (ok ? "PASS" : "FAIL")
export const ms = (value) => `${value.toFixed(1)} ms`

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/** Runs `task(i)` for i in [0, count) with at most `limit` in flight. */
export const pool = async (count, limit, task) => {
  const results = new Array(count)
  let next = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      results[i] = await task(i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker))
  return results
}

/**
 * An axios-shaped client on fetch (what the HTTP fixtures expect): resolves
 * with { status, data }, rejects on a non-2xx with `error.response`.
 */
export const httpClient = (baseUrl, defaultHeaders = {}) => {
  const call = async (method, url, body, config = {}) => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        ...defaultHeaders,
        ...(config.headers ?? {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    const data = text ? JSON.parse(text) : null
    const result = { status: response.status, data }
    if (!response.ok) {
      const error = new Error(`${method} ${url} → ${response.status}: ${data?.message}`)
      error.response = result
      throw error
    }
    return result
  }
  return {
    get: (url, config) => call("GET", url, undefined, config),
    post: (url, body, config) => call("POST", url, body ?? {}, config),
    delete: (url, config) => call("DELETE", url, config?.data, config),
  }
}

/**
 * A fresh database `name`, migrated, the app started on it and the store
 * fixture of the HTTP tests created through its workflows. With `reuse`, the
 * database a kept run left (BENCH_KEEP_DB=true) is migrated and used as it is.
 */
export const setup = async (name, { reuse = false } = {}) => {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl(serverConfig(), name),
    MEDUSA_ADMIN_DISABLE: "true",
    // the validate load test sends unknown codes on purpose: it measures lookups, not the failed-attempt limiter
    COUPON_RATE_LIMIT_ENABLED: "false",
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: process.env.LOG_LEVEL || "error",
  })
  let started = Date.now()
  log(`${reuse ? "kept" : "fresh"} database ${name}, migrating…`)
  if (!reuse) {
    await recreateDatabase(name)
  }
  migrate(process.env)
  log(`migrated in ${((Date.now() - started) / 1000).toFixed(1)} s, booting the app…`)
  started = Date.now()
  const app = await startApp(root)
  log(`booted in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  // the fixtures are TypeScript; startApp registered the transpiler
  const { createStoreFixture } = require(path.join(root, "integration-tests/http/fixtures/store.ts"))
  const checkout = require(path.join(root, "integration-tests/http/fixtures/checkout.ts"))
  const store = reuse ? null : await createStoreFixture(app.container)
  const api = httpClient(app.baseUrl)
  const admin = adminClient(app.baseUrl, await adminToken(app.container))
  const pg = app.container.resolve("__pg_connection__")
  let carts = 0
  return {
    app,
    api,
    admin,
    pg,
    store,
    checkout,
    storeHeaders: store?.storeHeaders.headers,
    /** A store cart (items, addresses, shipping method) built as a storefront builds it. */
    // one email per cart: concurrent carts with one guest email race to create its customer
    createCart: (options = {}) => checkout.createCart(api, store, { email: `shopper-${++carts}@bench.local`, ...options }),
    /** An active 10% coupon with one shared code, no per-customer cap. */
    createCoupon: async (code, extra = {}) =>
      (
        await admin.post("/admin/coupons", {
          name: `Bench ${code}`,
          status: "active",
          discount_type: "percentage",
          discount_value: 10,
          usage_limit_per_customer: null,
          code,
          ...extra,
        })
      ).coupon,
    teardown: async () => {
      await app.stop()
      if (!reuse && process.env.BENCH_KEEP_DB !== "true") {
        await dropDatabase(name)
      }
    },
  }
}

export const loadLine = () =>
  `load average ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ")} on ${os.cpus().length} CPUs`

/** `node bench/<file>.mjs` runs one benchmark on its own database. */
export const runStandalone = async (name, run) => {
  const ctx = await setup(`bench_perf_${name}_${process.pid}`)
  try {
    await run(ctx)
  } finally {
    await ctx.teardown()
  }
  process.exit(0)
}
