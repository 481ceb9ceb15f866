#!/usr/bin/env node
// Proves the published shape works: builds the plugin, packs it with `npm pack`,
// installs the tarball into a scratch Medusa app that lists it in `plugins`,
// migrates a fresh database and boots the app. Checks that the plugin's module
// migrations ran (tables and links), that its store route answers, and that
// bad plugin options stop start-up with a clear message. Then uninstalls it with
// its exec script and boots the host without it.
import { execFileSync, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { connectionUrl, ensureDatabaseExists, resolveDatabase } from "./lib/database.mjs"
import { medusaCommand, runMedusa, startServer, waitForHttp } from "./lib/run.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const port = Number(process.env.PACKAGE_TEST_PORT || 9123)
const log = (line) => console.log(`[package] ${line}`)
const checks = []
const check = (name, ok, detail = "") => {
  checks.push({ name, ok })
  console.log(`[package] ${ok ? "✓" : "✗"} ${name}${detail ? ` — ${detail}` : ""}`)
}

const hostConfig = (options) => `import { defineConfig } from "@medusajs/framework/utils"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { jwtSecret: "test", cookieSecret: "test", storeCors: "*", adminCors: "*", authCors: "*" },
  },
  admin: { disable: true },
  plugins: ${options ? `[{ resolve: "medusa-plugin-coupons", options: ${JSON.stringify(options)} }]` : "[]"},
})
`

const db = await resolveDatabase({ root, log })
const database = `coupons_package_${Date.now()}`
const scratch = mkdtempSync(path.join(tmpdir(), "coupons-host-"))
let server
try {
  log("building the plugin (medusa plugin:build)")
  await runMedusa(["plugin:build"], { cwd: root })
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", scratch], { cwd: root, encoding: "utf8" }))
  const tarball = path.join(scratch, packed[0].filename)
  check("npm pack ships only the build", packed[0].files.every((file) => /^(\.medusa\/server\/|storefront-components\/dist\/|package\.json|README\.md|LICENSE)/.test(file.path)), `${packed[0].files.length} files`)

  // the host app: its own config, the packed plugin, and Medusa from this repository's install
  const modules = path.join(scratch, "node_modules")
  mkdirSync(path.join(modules, "medusa-plugin-coupons"), { recursive: true })
  execFileSync("tar", ["-xzf", tarball, "-C", path.join(modules, "medusa-plugin-coupons"), "--strip-components=1"])
  for (const entry of readdirSync(path.join(root, "node_modules"))) {
    if (entry !== "medusa-plugin-coupons") {
      symlinkSync(path.join(root, "node_modules", entry), path.join(modules, entry))
    }
  }
  writeFileSync(path.join(scratch, "package.json"), JSON.stringify({
      name: "host-store",
      private: true,
      version: "0.0.0",
      // the Medusa CLI only runs inside a project that depends on Medusa
      dependencies: { "@medusajs/medusa": "2.21.2", "@medusajs/framework": "2.21.2", "medusa-plugin-coupons": `file:${packed[0].filename}` },
    }))
  writeFileSync(path.join(scratch, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "Node16", moduleResolution: "Node16", target: "ES2021", esModuleInterop: true, skipLibCheck: true, strict: true }, include: ["uses-types.ts"] }))

  // bad options must stop start-up, naming the bad value
  writeFileSync(path.join(scratch, "medusa-config.ts"), hostConfig({ code_length: 2 }))
  await ensureDatabaseExists(db, database)
  const env = { ...process.env, DATABASE_URL: connectionUrl(db, database), MEDUSA_DISABLE_TELEMETRY: "true", PORT: String(port) }
  const [node, args] = medusaCommand(["db:migrate"])
  const bad = spawnSync(node, args, { cwd: scratch, env, encoding: "utf8", timeout: 400_000 })
  const badOutput = `${bad.stdout}${bad.stderr}`
  check("bad plugin options fail clearly", bad.status !== 0 && /invalid plugin options: code_length/.test(badOutput), badOutput.match(/invalid plugin options[^\n"]*/)?.[0] ?? `exit ${bad.status}`)

  writeFileSync(path.join(scratch, "medusa-config.ts"), hostConfig({ default_expiration_days: 14 }))
  await runMedusa(["db:migrate"], { cwd: scratch, env })
  const client = new pg.Client({ connectionString: env.DATABASE_URL })
  await client.connect()
  const { rows } = await client.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE '%coupon%' ORDER BY 1`
  )
  await client.end()
  const tables = rows.map((row) => row.table_name)
  check("plugin migrations ran in the host", ["coupon", "coupon_code", "coupon_redemption", "coupon_code_batch"].every((t) => tables.includes(t)), tables.join(", "))
  check("plugin links synced in the host", tables.some((t) => t.includes("cart") && t.includes("coupon_code")) && tables.some((t) => t.includes("promotion")), tables.filter((t) => t.includes("_")).length + " tables")

  server = startServer(...medusaCommand(["develop"]), { cwd: scratch, env })
  const seconds = await waitForHttp(`http://localhost:${port}/health`, { timeoutMs: 180_000 })
  check("host app boots with the plugin", seconds !== null, seconds !== null ? `/health after ${seconds.toFixed(1)} s` : "no /health")
  if (seconds !== null) {
    const route = await fetch(`http://localhost:${port}/store/coupons/validate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: "X" }),
    })
    const body = await route.json()
    // the route exists: it reaches Medusa's publishable-key check instead of a 404
    check("plugin store route is mounted", route.status === 400 && /publishable/i.test(body.message ?? ""), `${route.status} ${body.message}`)
  }

  // the ./types export compiles in the host's own TypeScript setup (Node16 resolution)
  writeFileSync(path.join(scratch, "uses-types.ts"), `import type { AdminCouponResponse, CouponDTO, StoreValidateCouponResponse } from "medusa-plugin-coupons/types"
export const describe = (answer: StoreValidateCouponResponse, coupon: CouponDTO, admin: AdminCouponResponse): string =>
  answer.valid ? \`\${answer.code}: \${coupon.name} \${admin.coupon.id}\` : \`\${answer.code}: \${answer.reason}\`
`)
  const tsc = spawnSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "tsconfig.json"], { cwd: scratch, encoding: "utf8", timeout: 400_000 })
  check("medusa-plugin-coupons/types resolves and compiles in the host", tsc.status === 0, tsc.status === 0 ? "" : `${tsc.stdout}${tsc.stderr}`.slice(0, 600))

  // uninstall: the documented exec script, then the host without the plugin
  await server.stop()
  server = undefined
  writeFileSync(path.join(scratch, "create-coupon.js"), `const { createCouponWorkflow } = require("medusa-plugin-coupons/workflows")
exports.default = async ({ container }) => {
  await createCouponWorkflow(container).run({ input: { name: "Bye", code: "BYE10", status: "active", discount_type: "percentage", discount_value: 10 } })
}
`)
  await runMedusa(["exec", "./create-coupon.js"], { cwd: scratch, env })
  await runMedusa(["exec", "./node_modules/medusa-plugin-coupons/.medusa/server/src/scripts/uninstall-coupons.js"], { cwd: scratch, env })
  const after = new pg.Client({ connectionString: env.DATABASE_URL })
  await after.connect()
  const left = (await after.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE '%coupon%'`)).rows
  const backing = (await after.query(`SELECT status, count(*)::int AS n FROM promotion WHERE code LIKE 'CPN-%' AND deleted_at IS NULL GROUP BY status`)).rows
  await after.end()
  check("uninstall drops the plugin's tables and links", left.length === 0, left.map((row) => row.table_name).join(", ") || "none left")
  check(
    "uninstall leaves no promotion of the plugin active",
    backing.length > 0 && backing.every((row) => row.status !== "active"),
    backing.map((row) => `${row.n} ${row.status}`).join(", ") || "no backing promotion found"
  )
  writeFileSync(path.join(scratch, "medusa-config.ts"), hostConfig(null))
  const [migrateNode, migrateArgs] = medusaCommand(["db:migrate"])
  // closed stdin: a prompt (for link tables left behind) would fail the run instead of waiting
  const migrate = spawnSync(migrateNode, migrateArgs, { cwd: scratch, env, encoding: "utf8", timeout: 400_000, stdio: ["ignore", "pipe", "pipe"] })
  check("host migrates without the plugin, no prompt", migrate.status === 0, migrate.status === 0 ? "" : `${migrate.stdout}${migrate.stderr}`.slice(-400))
  server = startServer(...medusaCommand(["develop"]), { cwd: scratch, env })
  const bootSeconds = await waitForHttp(`http://localhost:${port}/health`, { timeoutMs: 180_000 })
  check("host app boots after the plugin is removed", bootSeconds !== null, bootSeconds !== null ? `/health after ${bootSeconds.toFixed(1)} s` : "no /health")
} catch (error) {
  check("package test ran to the end", false, error.message)
} finally {
  await server?.stop()
  const client = new pg.Client({ ...db, database: "postgres" })
  await client.connect().then(() => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).catch(() => {})
  await client.end().catch(() => {})
  await db.stop()
  rmSync(scratch, { recursive: true, force: true })
}

const failed = checks.filter((c) => !c.ok).length
console.log(`${checks.length - failed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
