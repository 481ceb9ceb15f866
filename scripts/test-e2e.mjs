#!/usr/bin/env node
// Browser tests: a fresh demo store (same setup as `npm run dev`, own
// database), `medusa develop` on its own port, then Debian's chromium through
// playwright-core: the admin dashboard, then the storefront components' demo
// page (served by esbuild on a free port from 8000, which the store's CORS is
// told about), then the example Next.js storefront (examples/nextjs-storefront,
// installed and built before `medusa develop` starts, `next start` on a free
// port from 8100). Screenshots go to docs/, copied there once the server is
// stopped: a new file in the repository restarts `medusa develop` mid-test.
// E2E_ONLY=nextjs (comma-separated words) runs only the suites whose names
// hold one of them. Ends with one "N passed, N failed" line for all suites.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { connectionUrl, resolveDatabase } from "./lib/database.mjs"
import { medusaCommand, run, startServer, waitForHttp } from "./lib/run.mjs"
import { publishableKeyToken } from "./lib/store-info.mjs"
import { freePort } from "../integration-tests/e2e/lib/ports.mjs"
import { prepareNextApp } from "../integration-tests/e2e/lib/nextjs-app.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const port = Number(process.env.E2E_PORT || 9300)
const base = `http://localhost:${port}`
const database = `coupons_e2e_${Date.now()}`
const admin = { email: "admin@medusa-coupons.test", password: "supersecret" }
const docs = path.join(root, "docs")
const log = (line) => console.log(`[e2e] ${line}`)

if (!existsSync(process.env.CHROMIUM_PATH || "/usr/bin/chromium")) {
  console.log("[e2e] chromium is not installed (apt-get install chromium)")
  console.log("0 passed, 1 failed")
  process.exit(1)
}
mkdirSync(docs, { recursive: true })
const shots = mkdtempSync(path.join(os.tmpdir(), "coupons-e2e-shots-"))
const demoPort = await freePort(Number(process.env.DEMO_PORT || 8000))
const nextPort = await freePort(Number(process.env.NEXTJS_PORT || Math.max(8100, demoPort + 1)))
const only = (process.env.E2E_ONLY ?? "")
  .split(",")
  .map((word) => word.trim())
  .filter(Boolean)
const wanted = (name) => !only.length || only.some((word) => name.includes(word))

const db = await resolveDatabase({ root, log })
const env = {
  ...process.env,
  DB_HOST: db.host,
  DB_PORT: String(db.port),
  DB_USERNAME: db.user,
  DB_PASSWORD: db.password,
  DB_NAME: database,
  DATABASE_URL: connectionUrl(db, database),
  MEDUSA_DISABLE_TELEMETRY: "true",
  MEDUSA_ADMIN_EMAIL: admin.email,
  MEDUSA_ADMIN_PASSWORD: admin.password,
  PORT: String(port),
  // medusa-config's default store CORS, plus the demo page's port
  STORE_CORS: [process.env.STORE_CORS || "http://localhost:8000,http://localhost:9000", `http://localhost:${demoPort}`].join(","),
}
const totals = { passed: 0, failed: 0 }
// one suite's { passed, failed }; a suite that throws before its summary counts as one failure
const suite = async (name, start) => {
  try {
    const { passed, failed } = await start()
    totals.passed += passed
    totals.failed += failed
  } catch (error) {
    log(`${name} suite stopped: ${error.message}`)
    totals.failed += 1
  }
}
let server
let nextApp = null
try {
  await run(process.execPath, ["scripts/dev.mjs", "--setup-only"], { cwd: root, env, label: "demo setup" })
  if (wanted("nextjs")) {
    nextApp = await prepareNextApp({ log }).catch((error) => {
      log(`nextjs suite stopped: ${error.message}`)
      totals.failed += 1
      return null
    })
  }
  // `medusa develop` lints the whole repository first when @medusajs/eslint-plugin
  // is installed; `npm test` has already run `npm run lint`
  server = startServer(...medusaCommand(["develop", "--no-lint"]), { cwd: root, env })
  const up = await waitForHttp(`${base}/health`, { timeoutMs: 180_000 })
  if (up === null) {
    throw new Error("the dev server did not answer /health")
  }
  log(`dev server up after ${up.toFixed(1)} s`)
  const publishableKey = await publishableKeyToken(env.DATABASE_URL)
  const { runAdminE2E } = await import("../integration-tests/e2e/admin-coupons.e2e.mjs")
  const { runStorefrontE2E } = await import("../integration-tests/e2e/storefront-coupons.e2e.mjs")
  const { runAdminDatesE2E } = await import("../integration-tests/e2e/admin-dates.e2e.mjs")
  const { runAdminWalkE2E } = await import("../integration-tests/e2e/admin-walk.e2e.mjs")
  const { runNextjsStorefrontE2E } = await import("../integration-tests/e2e/nextjs-storefront.e2e.mjs")
  const suites = [
    ["admin", () => runAdminE2E({ base, publishableKey, docs: shots, admin })],
    ["admin dates", () => runAdminDatesE2E({ base, docs: shots, admin })],
    ["admin walk", () => runAdminWalkE2E({ base, docs: shots, admin })],
    ["storefront", () => runStorefrontE2E({ base, publishableKey, docs: shots, port: demoPort })],
    ["nextjs", nextApp && (() => runNextjsStorefrontE2E({ base, publishableKey, docs: shots, port: nextPort }))],
  ]
  for (const [name, start] of suites) {
    if (wanted(name) && start) {
      await suite(name, start)
    }
  }
} catch (error) {
  log(`stopped: ${error.message}`)
  totals.failed += 1
} finally {
  await server?.stop()
  cpSync(shots, docs, { recursive: true })
  rmSync(shots, { recursive: true, force: true })
  const client = new pg.Client({ ...db, database: "postgres" })
  await client
    .connect()
    .then(() => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`))
    .catch(() => {})
  await client.end().catch(() => {})
  await db.stop()
}
console.log(`${totals.passed} passed, ${totals.failed} failed`)
process.exit(totals.failed ? 1 : 0)
