#!/usr/bin/env node
// Proves the published shape works: packs the plugin with `npm pack` from an
// unbuilt folder (its prepack builds it), installs the tarball into a scratch
// Medusa app that lists it in `plugins`, migrates a fresh database and boots
// the app. Checks that the plugin's module migrations ran (tables and links),
// that its store route answers, and that bad plugin options stop start-up with
// a clear message. Then checks the ./types export compiles in the host, uninstalls
// the plugin with its exec script and boots the host without it.
//
// Which Medusa: `--medusa 2.21.0,2.21.2` (or PACKAGE_TEST_MEDUSA; these two by
// default) gives each version a scratch app of its own, installed from the
// registry with plain `npm install` (no --legacy-peer-deps), so the plugin's
// peer ranges are proven against it. `--medusa linked` reuses this
// repository's node_modules instead (fast, no install). `--resolve-only` stops
// after `npm install --dry-run` for each version.
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { connectionUrl, ensureDatabaseExists, resolveDatabase } from "./lib/database.mjs"
import { launchBrowser } from "../integration-tests/e2e/lib/browser.mjs"
import { adminLogin, checkOutWithCode, setUpStore } from "./lib/host-store.mjs"
import { medusaCommand, run, startServer, waitForHttp } from "./lib/run.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const port = Number(process.env.PACKAGE_TEST_PORT || 9123)
const args = process.argv.slice(2)
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const versions = (option("--medusa") ?? process.env.PACKAGE_TEST_MEDUSA ?? "2.21.0,2.21.2")
  .split(",")
  .map((v) => v.trim())
  .filter(Boolean)
const resolveOnly = args.includes("--resolve-only")
const log = (line) => console.log(`[package] ${line}`)
const checks = []
const check = (name, ok, detail = "") => {
  checks.push({ name, ok })
  console.log(`[package] ${ok ? "✓" : "✗"} ${name}${detail ? ` — ${detail}` : ""}`)
}

const hostConfig = (options, { admin = false } = {}) => `import { defineConfig } from "@medusajs/framework/utils"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { jwtSecret: "test", cookieSecret: "test", storeCors: "*", adminCors: "*", authCors: "*" },
  },
  admin: { disable: ${!admin} },
  plugins: ${options ? `[{ resolve: "medusa-plugin-coupons", options: ${JSON.stringify(options)} }]` : "[]"},
})
`

const devVersions = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).devDependencies

/** Medusa's CLI as the host app has it (its own install, or this repository's when linked). */
const hostCli = (host, linked) => (args) =>
  linked ? medusaCommand(args) : [process.execPath, [path.join(host, "node_modules/@medusajs/cli/cli.js"), ...args]]

const REGISTRY_HICCUP = /\b(notarget|ETARGET|E5\d\d|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ECONNREFUSED|socket hang up)\b/

/** A scratch host app for one Medusa version: the packed plugin, installed with plain npm, or linked from here. */
const createHost = async (version, tarball) => {
  const linked = version === "linked"
  const host = mkdtempSync(path.join(tmpdir(), `coupons-host-${version}-`))
  const medusa = linked ? JSON.parse(readFileSync(path.join(root, "node_modules/@medusajs/medusa/package.json"), "utf8")).version : version
  const label = linked ? `Medusa ${medusa} (linked)` : `Medusa ${medusa}`
  writeFileSync(
    path.join(host, "package.json"),
    JSON.stringify({
      name: "host-store",
      private: true,
      version: "0.0.0",
      // the Medusa CLI only runs inside a project that depends on Medusa
      dependencies: {
        // as create-medusa-app lays a store out (the dashboard's build needs the admin SDK)
        "@medusajs/admin-sdk": medusa,
        "@medusajs/medusa": medusa,
        "@medusajs/framework": medusa,
        "@medusajs/cli": medusa,
        "medusa-plugin-coupons": `file:${tarball}`,
      },
      // what a new Medusa app has to load its medusa-config.ts (versions as in this repository)
      devDependencies: Object.fromEntries(["ts-node", "typescript", "@swc/core"].map((name) => [name, devVersions[name]])),
    })
  )
  writeFileSync(
    path.join(host, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        module: "Node16",
        moduleResolution: "Node16",
        target: "ES2021",
        esModuleInterop: true,
        skipLibCheck: true,
        strict: true,
      },
      include: ["uses-types.ts"],
    })
  )
  if (linked) {
    const modules = path.join(host, "node_modules")
    mkdirSync(path.join(modules, "medusa-plugin-coupons"), { recursive: true })
    execFileSync("tar", ["-xzf", tarball, "-C", path.join(modules, "medusa-plugin-coupons"), "--strip-components=1"])
    for (const entry of readdirSync(path.join(root, "node_modules"))) {
      if (entry !== "medusa-plugin-coupons" && entry !== "medusa-plugin-coupons-storefront") {
        symlinkSync(path.join(root, "node_modules", entry), path.join(modules, entry))
      }
    }
    return { host, label, cli: hostCli(host, true), installed: true }
  }
  const flags = ["install", "--no-audit", "--no-fund", ...(resolveOnly ? ["--dry-run"] : [])]
  log(`${label}: npm ${flags.join(" ")} in a scratch app`)
  let install = spawnSync("npm", flags, { cwd: host, encoding: "utf8", timeout: 1_200_000 })
  // the registry's own hiccups are not what this checks: a version its index lists but its CDN
  // does not serve yet (seen: "notarget … @otplib/core@13.6.0" minutes after a publish), a 5xx, a
  // dropped connection. Asked again up to twice, fetching fresh metadata; a peer conflict is not
  for (let retry = 1; retry <= 2 && install.status !== 0 && REGISTRY_HICCUP.test(`${install.stdout}${install.stderr}`); retry++) {
    log(`${label}: npm install failed on the registry (${`${install.stderr}`.match(REGISTRY_HICCUP)?.[0]}); again in 30 s (${retry} of 2)`)
    await new Promise((resolve) => setTimeout(resolve, 30_000))
    install = spawnSync("npm", [...flags, "--prefer-online"], { cwd: host, encoding: "utf8", timeout: 1_200_000 })
  }
  const text = `${install.stdout}${install.stderr}`
  const summary = text
    .split("\n")
    .filter((line) => line && !/install-scripts|EBADENGINE|^npm warn\s*$|required:|current:|package:|^npm warn }/.test(line))
    .slice(-3)
    .join(" | ")
  const ok = install.status === 0 && !/ERESOLVE|peer dep/i.test(text)
  check(`${label}: plain npm install${resolveOnly ? " --dry-run" : ""} of the plugin resolves (no --legacy-peer-deps)`, ok, summary)
  if (ok && !resolveOnly) {
    const plugin = JSON.parse(readFileSync(path.join(host, "node_modules/@medusajs/medusa/package.json"), "utf8")).version
    check(`${label}: the host runs that Medusa`, plugin === medusa, plugin)
  }
  return { host, label, cli: hostCli(host, false), installed: ok && !resolveOnly }
}

const ADMIN = { email: "admin@host.test", password: "production-secret-1" }

/**
 * The production path of a host app (its database migrated): build, start the
 * built server, set a store up and check out with a code through the APIs, and
 * open the dashboard's Coupons page in chromium.
 */
const proveProduction = async ({ host, label, cli }, env) => {
  writeFileSync(path.join(host, "medusa-config.ts"), hostConfig({ default_expiration_days: 14 }, { admin: true }))
  // the app's own sources, as a new Medusa app's tsconfig names them (the types check above named one file)
  writeFileSync(
    path.join(host, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { module: "Node16", moduleResolution: "Node16", target: "ES2021", esModuleInterop: true, skipLibCheck: true },
      include: ["medusa-config.ts", "src"],
    })
  )
  const buildSeconds = await run(...cli(["build"]), { cwd: host, env, label: "medusa build" })
  const built = path.join(host, ".medusa/server")
  check(
    `${label}: medusa build makes the server and the dashboard with the plugin`,
    existsSync(path.join(built, "public/admin/index.html")) && existsSync(path.join(built, "medusa-config.js")),
    `${buildSeconds.toFixed(1)} s`
  )
  // a deployment installs the production dependencies there; the host's own are the same packages
  symlinkSync(path.join(host, "node_modules"), path.join(built, "node_modules"))
  await run(...cli(["user", "-e", ADMIN.email, "-p", ADMIN.password]), { cwd: host, env, label: "medusa user" })
  const server = startServer(...cli(["start"]), { cwd: built, env: { ...env, NODE_ENV: "production" } })
  const base = `http://localhost:${port}`
  let browser
  try {
    const seconds = await waitForHttp(`${base}/health`, { timeoutMs: 180_000 })
    check(`${label}: medusa start (NODE_ENV=production) serves the built app`, seconds !== null, `/health after ${seconds?.toFixed(1)} s`)
    if (seconds === null) {
      return
    }
    const token = await adminLogin(base, ADMIN.email, ADMIN.password)
    const store = await setUpStore(base, token, { code: "PROD10" })
    const order = await checkOutWithCode(base, store, "PROD10")
    const client = new pg.Client({ connectionString: env.DATABASE_URL })
    await client.connect()
    const ledger = (
      await client.query(`SELECT code, discount_amount::float AS discount FROM coupon_redemption WHERE order_id = $1`, [order.id])
    ).rows
    await client.end()
    check(
      `${label}: a coupon checkout on the production server discounts the order and records it`,
      order.discount_total === 20 && ledger.length === 1 && ledger[0].code === "PROD10" && ledger[0].discount === 20,
      `order total ${order.total}, discount ${order.discount_total}; ledger ${JSON.stringify(ledger)}`
    )
    // the stats read the rollups that checkout wrote; the backfill script recomputes the same
    const statsOf = async () =>
      (await fetch(`${base}/admin/coupons/${store.couponId}/stats`, { headers: { authorization: `Bearer ${token}` } })).json()
    const written = await statsOf()
    await run(...cli(["exec", "./node_modules/medusa-plugin-coupons/.medusa/server/src/scripts/rebuild-coupon-stats.js"]), {
      cwd: host,
      env,
      label: "medusa exec rebuild-coupon-stats",
    })
    const rebuilt = await statsOf()
    check(
      `${label}: the stats show the checkout, and the rebuild script recomputes the same figures`,
      written.redemptions === 1 &&
        written.discount_total === 20 &&
        written.revenue === order.total &&
        written.unique_customers === 1 &&
        JSON.stringify(rebuilt) === JSON.stringify(written),
      `${written.redemptions} redemption, discount ${written.discount_total}, revenue ${written.revenue}; after the rebuild ${rebuilt.redemptions}, ${rebuilt.discount_total}, ${rebuilt.revenue}`
    )

    browser = await launchBrowser()
    // behind a TLS proxy: the production session cookie is Secure, and Medusa trusts the forwarded scheme
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-proto": "https" }, viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.goto(`${base}/app/login`, { waitUntil: "networkidle", timeout: 120_000 })
    await page.fill('input[name="email"]', ADMIN.email)
    await page.fill('input[name="password"]', ADMIN.password)
    await page.click('button[type="submit"]')
    await page.waitForSelector('a[href="/app/coupons"]', { timeout: 120_000 })
    await page.goto(`${base}/app/coupons`, { waitUntil: "networkidle", timeout: 120_000 })
    const listed = await page
      .getByText("Production ten")
      .first()
      .waitFor({ timeout: 60_000 })
      .then(() => true)
      .catch(() => false)
    const shot = path.join(tmpdir(), `coupons-production-admin-${process.pid}.png`)
    await page.screenshot({ path: shot, fullPage: true })
    check(`${label}: the production dashboard lists the coupon on its Coupons page`, listed, `screenshot ${shot}`)
  } finally {
    await browser?.close()
    await server.stop()
  }
}

/** Migrates, boots and asks the plugin's route in one host app. */
const proveHost = async ({ host, label, cli }, db, { production = false } = {}) => {
  const database = `coupons_package_${label.replace(/\W+/g, "_").toLowerCase()}_${Date.now()}`
  let server
  try {
    // bad options must stop start-up, naming the bad value
    writeFileSync(path.join(host, "medusa-config.ts"), hostConfig({ code_length: 2 }))
    await ensureDatabaseExists(db, database)
    const env = { ...process.env, DATABASE_URL: connectionUrl(db, database), MEDUSA_DISABLE_TELEMETRY: "true", PORT: String(port) }
    const [node, cliArgs] = cli(["db:migrate"])
    const bad = spawnSync(node, cliArgs, { cwd: host, env, encoding: "utf8", timeout: 400_000 })
    const badOutput = `${bad.stdout}${bad.stderr}`
    check(
      `${label}: bad plugin options fail clearly`,
      bad.status !== 0 && /invalid plugin options: code_length/.test(badOutput),
      badOutput.match(/invalid plugin options[^\n"]*/)?.[0] ?? `exit ${bad.status} ${badOutput.slice(-300)}`
    )

    writeFileSync(path.join(host, "medusa-config.ts"), hostConfig({ default_expiration_days: 14 }))
    await run(...cli(["db:migrate"]), { cwd: host, env, label: "medusa db:migrate" })
    const client = new pg.Client({ connectionString: env.DATABASE_URL })
    await client.connect()
    const { rows } = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE '%coupon%' ORDER BY 1`
    )
    await client.end()
    const tables = rows.map((row) => row.table_name)
    check(
      `${label}: plugin migrations ran in the host`,
      ["coupon", "coupon_code", "coupon_redemption", "coupon_code_batch"].every((t) => tables.includes(t)),
      tables.join(", ")
    )
    check(
      `${label}: plugin links synced in the host`,
      tables.some((t) => t.includes("cart") && t.includes("coupon_code")) && tables.some((t) => t.includes("promotion")),
      tables.filter((t) => t.includes("_")).length + " tables"
    )

    server = startServer(...cli(["develop"]), { cwd: host, env })
    const seconds = await waitForHttp(`http://localhost:${port}/health`, { timeoutMs: 180_000 })
    check(
      `${label}: host app boots with the plugin`,
      seconds !== null,
      seconds !== null ? `/health after ${seconds.toFixed(1)} s` : "no /health"
    )
    if (seconds !== null) {
      const route = await fetch(`http://localhost:${port}/store/coupons/validate`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code: "X" }),
      })
      const body = await route.json()
      // the route exists: it reaches Medusa's publishable-key check instead of a 404
      check(
        `${label}: plugin store route is mounted`,
        route.status === 400 && /publishable/i.test(body.message ?? ""),
        `${route.status} ${body.message}`
      )
    }

    // the ./types export compiles in the host's own TypeScript setup (Node16 resolution)
    writeFileSync(
      path.join(host, "uses-types.ts"),
      `import type { AdminCouponResponse, CouponDTO, StoreValidateCouponResponse } from "medusa-plugin-coupons/types"
export const describe = (answer: StoreValidateCouponResponse, coupon: CouponDTO, admin: AdminCouponResponse): string =>
  answer.valid ? \`\${answer.code}: \${coupon.name} \${admin.coupon.id}\` : \`\${answer.code}: \${answer.reason}\`
`
    )
    const tsc = spawnSync(
      process.execPath,
      [path.join(root, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "tsconfig.json"],
      { cwd: host, encoding: "utf8", timeout: 400_000 }
    )
    check(
      `${label}: medusa-plugin-coupons/types resolves and compiles in the host`,
      tsc.status === 0,
      tsc.status === 0 ? "" : `${tsc.stdout}${tsc.stderr}`.slice(0, 600)
    )

    await server?.stop()
    server = undefined
    if (production) {
      await proveProduction({ host, label, cli }, env)
      writeFileSync(path.join(host, "medusa-config.ts"), hostConfig({ default_expiration_days: 14 }))
    }

    // uninstall: the documented exec script, then the host without the plugin
    writeFileSync(
      path.join(host, "create-coupon.js"),
      `const { createCouponWorkflow } = require("medusa-plugin-coupons/workflows")
exports.default = async ({ container }) => {
  await createCouponWorkflow(container).run({ input: { name: "Bye", code: "BYE10", status: "active", discount_type: "percentage", discount_value: 10 } })
}
`
    )
    await run(...cli(["exec", "./create-coupon.js"]), { cwd: host, env, label: "medusa exec create-coupon" })
    await run(...cli(["exec", "./node_modules/medusa-plugin-coupons/.medusa/server/src/scripts/uninstall-coupons.js"]), {
      cwd: host,
      env,
      label: "medusa exec uninstall-coupons",
    })
    const after = new pg.Client({ connectionString: env.DATABASE_URL })
    await after.connect()
    const left = (
      await after.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE '%coupon%'`)
    ).rows
    const backing = (
      await after.query(`SELECT status, count(*)::int AS n FROM promotion WHERE code LIKE 'CPN-%' AND deleted_at IS NULL GROUP BY status`)
    ).rows
    await after.end()
    check(
      `${label}: uninstall drops the plugin's tables and links`,
      left.length === 0,
      left.map((row) => row.table_name).join(", ") || "none left"
    )
    check(
      `${label}: uninstall leaves no promotion of the plugin active`,
      backing.length > 0 && backing.every((row) => row.status !== "active"),
      backing.map((row) => `${row.n} ${row.status}`).join(", ") || "no backing promotion found"
    )
    writeFileSync(path.join(host, "medusa-config.ts"), hostConfig(null))
    const [migrateNode, migrateArgs] = cli(["db:migrate"])
    // closed stdin: a prompt (for link tables left behind) would fail the run instead of waiting
    const migrate = spawnSync(migrateNode, migrateArgs, {
      cwd: host,
      env,
      encoding: "utf8",
      timeout: 400_000,
      stdio: ["ignore", "pipe", "pipe"],
    })
    check(
      `${label}: host migrates without the plugin, no prompt`,
      migrate.status === 0,
      migrate.status === 0 ? "" : `${migrate.stdout}${migrate.stderr}`.slice(-400)
    )
    server = startServer(...cli(["develop"]), { cwd: host, env })
    const bootSeconds = await waitForHttp(`http://localhost:${port}/health`, { timeoutMs: 180_000 })
    check(
      `${label}: host app boots after the plugin is removed`,
      bootSeconds !== null,
      bootSeconds !== null ? `/health after ${bootSeconds.toFixed(1)} s` : "no /health"
    )
  } catch (error) {
    check(`${label}: host checks ran to the end`, false, error.message)
  } finally {
    await server?.stop()
    const client = new pg.Client({ ...db, database: "postgres" })
    await client
      .connect()
      .then(() => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`))
      .catch(() => {})
    await client.end().catch(() => {})
  }
}

const db = resolveOnly ? null : await resolveDatabase({ root, log })
const scratch = mkdtempSync(path.join(tmpdir(), "coupons-package-"))
const hosts = []
try {
  // from an unbuilt folder, as in a fresh clone: the prepack script must build it
  rmSync(path.join(root, ".medusa/server"), { recursive: true, force: true })
  log("packing the plugin (npm pack runs its prepack: medusa plugin:build)")
  const pack = spawnSync("npm", ["pack", "--json", "--pack-destination", scratch], { cwd: root, encoding: "utf8" })
  if (pack.status !== 0) {
    throw new Error(`npm pack failed: ${`${pack.stdout}${pack.stderr}`.slice(-800)}`)
  }
  const packed = JSON.parse(pack.stdout.slice(pack.stdout.search(/^\[\s*$/m)))[0]
  const tarball = path.join(scratch, packed.filename)
  const files = packed.files.map((file) => file.path)
  check(
    "npm pack from an unbuilt folder ships the build",
    files.some((file) => file.startsWith(".medusa/server/src/modules/coupon/")) && files.includes(".medusa/server/src/admin/index.mjs"),
    `${files.length} files`
  )
  check(
    "npm pack ships only the build (no storefront package, sources or tests)",
    files.every((file) => /^(\.medusa\/server\/|package\.json|README\.md|LICENSE)/.test(file)),
    files.filter((file) => !file.startsWith(".medusa/server/")).join(", ")
  )
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"))
  check(
    "the plugin's Medusa peers are ranges",
    Object.entries(manifest.peerDependencies)
      .filter(([name]) => name.startsWith("@medusajs/"))
      .every(([, range]) => /^[\^~>]/.test(range)),
    JSON.stringify(manifest.peerDependencies)
  )

  for (const version of versions) {
    const host = await createHost(version, tarball)
    hosts.push(host)
    if (host.installed) {
      // the production path once, on the newest version
      await proveHost(host, db, { production: version === versions[versions.length - 1] })
    }
    if (!version.startsWith("linked")) {
      // each installed app is about 800 MB: gone before the next one
      rmSync(host.host, { recursive: true, force: true })
    }
  }
} catch (error) {
  check("package test ran to the end", false, error.message)
} finally {
  await db?.stop()
  for (const { host } of hosts) {
    rmSync(host, { recursive: true, force: true })
  }
  rmSync(scratch, { recursive: true, force: true })
}

const failed = checks.filter((c) => !c.ok).length
console.log(`${checks.length - failed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
