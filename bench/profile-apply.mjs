#!/usr/bin/env node
// Where the time of one apply goes: SQL statements (count and time, through
// knex's query events) and query.graph calls per request, for the coupon route
// and the native route on equivalent carts. A diagnostic, not a benchmark:
// `node bench/profile-apply.mjs`.
import { fileURLToPath } from "node:url"
import { log, ms, percentile, runStandalone } from "./lib/harness.mjs"

const ROUNDS = Number(process.env.BENCH_PROFILE_ROUNDS || 30)

export const run = async (ctx) => {
  const { api, admin, app, pg, storeHeaders, createCart, createCoupon } = ctx
  const headers = { headers: storeHeaders }
  await createCoupon("PROF10")
  await admin.post("/admin/promotions", {
    code: "NATIVEPROF",
    type: "standard",
    status: "active",
    application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10 },
  })
  const sql = new Map()
  const record = { on: false, statements: 0, sqlMs: 0, graphs: 0, graphMs: 0, byGraph: {} }
  pg.on("query", (q) => record.on && sql.set(q.__knexQueryUid, performance.now()))
  pg.on("query-response", (_r, q) => {
    const t = sql.get(q.__knexQueryUid)
    if (t !== undefined) {
      sql.delete(q.__knexQueryUid)
      record.statements++
      record.sqlMs += performance.now() - t
    }
  })
  const query = app.container.resolve("query")
  const graph = query.graph.bind(query)
  query.graph = async (config, ...rest) => {
    const t = performance.now()
    try {
      return await graph(config, ...rest)
    } finally {
      if (record.on) {
        const d = performance.now() - t
        record.graphs++
        record.graphMs += d
        const key = `${config.entity}`
        record.byGraph[key] = (record.byGraph[key] ?? 0) + d
      }
    }
  }
  const measure = async (fn) => {
    Object.assign(record, { on: true, statements: 0, sqlMs: 0, graphs: 0, graphMs: 0, byGraph: {} })
    const t = performance.now()
    await fn()
    const total = performance.now() - t
    // subscribers (cart.updated) run after the response: let them finish, counted apart
    await new Promise((resolve) => setTimeout(resolve, 150))
    const after = { ...record, byGraph: { ...record.byGraph } }
    record.on = false
    return { total, ...after }
  }
  const carts = await Promise.all([createCart(), createCart()])
  const out = { coupon: [], native: [] }
  for (let i = 0; i < ROUNDS; i++) {
    out.coupon.push(await measure(() => api.post(`/store/carts/${carts[0]}/coupons`, { code: "PROF10" }, headers)))
    out.native.push(await measure(() => api.post(`/store/carts/${carts[1]}/promotions`, { promo_codes: ["NATIVEPROF"] }, headers)))
    await api.delete(`/store/carts/${carts[0]}/coupons/PROF10`, headers)
    await api.delete(`/store/carts/${carts[1]}/promotions`, { ...headers, data: { promo_codes: ["NATIVEPROF"] } })
  }
  for (const [name, runs] of Object.entries(out)) {
    const tail = runs.slice(5)
    const med = (f) => percentile(tail.map(f), 50)
    const byGraph = {}
    for (const r of tail) for (const [k, v] of Object.entries(r.byGraph)) byGraph[k] = (byGraph[k] ?? 0) + v / tail.length
    log(
      `${name}: request p50 ${ms(med((r) => r.total))}; SQL statements ${med((r) => r.statements)} taking ${ms(med((r) => r.sqlMs))}; ` +
        `query.graph ${med((r) => r.graphs)} calls taking ${ms(med((r) => r.graphMs))} ` +
        `(${Object.entries(byGraph)
          .map(([k, v]) => `${k} ${v.toFixed(1)}`)
          .join(", ")}) — incl. 150 ms after the response`
    )
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runStandalone("profile", run)
}
