#!/usr/bin/env node
// Browser tests: a fresh demo store (same setup as `npm run dev`, own
// database), `medusa develop` on its own port, then Debian's chromium through
// playwright-core. Screenshots go to docs/. Ends with "N passed, N failed".
import { existsSync, mkdirSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { connectionUrl, resolveDatabase } from "./lib/database.mjs"
import { medusaCommand, run, startServer, waitForHttp } from "./lib/run.mjs"
import { publishableKeyToken } from "./lib/store-info.mjs"

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
}
let server
let failed = 1
try {
  await run(process.execPath, ["scripts/dev.mjs", "--setup-only"], { cwd: root, env, label: "demo setup" })
  server = startServer(...medusaCommand(["develop"]), { cwd: root, env })
  const up = await waitForHttp(`${base}/health`, { timeoutMs: 180_000 })
  if (up === null) {
    throw new Error("the dev server did not answer /health")
  }
  log(`dev server up after ${up.toFixed(1)} s`)
  const publishableKey = await publishableKeyToken(env.DATABASE_URL)
  const { runAdminE2E } = await import("../integration-tests/e2e/admin-coupons.e2e.mjs")
  failed = await runAdminE2E({ base, publishableKey, docs, admin })
} catch (error) {
  log(`stopped: ${error.message}`)
  console.log("0 passed, 1 failed")
} finally {
  await server?.stop()
  const client = new pg.Client({ ...db, database: "postgres" })
  await client.connect().then(() => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).catch(() => {})
  await client.end().catch(() => {})
  await db.stop()
}
process.exit(failed ? 1 : 0)
