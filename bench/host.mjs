#!/usr/bin/env node
// npm run bench:host: what the plugin costs the store that installs it. Two
// scratch host apps, alike but for the plugin (this repository packed with
// `npm pack`), installed from the registry with plain `npm install`, in one run:
//   build   `medusa build` (server and admin dashboard), timed
//   boot    `medusa start` from .medusa/server with NODE_ENV=production until /health answers
//   RSS     of the server's processes after boot, and after the same fixed requests
//           (200 × /health, 20 × the dashboard's index, 20 store API calls answered 400)
//   admin   the dashboard bundle's size on disk (.medusa/server/public/admin), and gzipped
// Goals (issue 20): build ≤ +15 %, boot ≤ +1 s, RSS ≤ +30 MB. Each host gets a
// database of its own, dropped at the end. BENCH_HOST_MEDUSA picks the version.
import { execFileSync, spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import pg from "pg"
import { connectionUrl, ensureDatabaseExists, resolveDatabase } from "../scripts/lib/database.mjs"
import { run, startServer, waitForHttp } from "../scripts/lib/run.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"))
const medusa = process.env.BENCH_HOST_MEDUSA || manifest.devDependencies["@medusajs/medusa"]
const port = Number(process.env.BENCH_HOST_PORT || 9410)
const log = (line) => console.log(`[bench:host] ${line}`)
const scratch = mkdtempSync(path.join(tmpdir(), "coupons-bench-host-"))

const hostConfig = (withPlugin) => `import { defineConfig } from "@medusajs/framework/utils"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { jwtSecret: "bench", cookieSecret: "bench", storeCors: "*", adminCors: "*", authCors: "*" },
  },
  plugins: ${withPlugin ? `[{ resolve: "medusa-plugin-coupons", options: {} }]` : "[]"},
})
`

/** A host app as `create-medusa-app` lays one out, with or without the packed plugin. */
const createHost = (name, tarball) => {
  const dir = path.join(scratch, name)
  execFileSync("mkdir", ["-p", dir])
  const dependencies = {
    "@medusajs/admin-sdk": medusa,
    "@medusajs/cli": medusa,
    "@medusajs/framework": medusa,
    "@medusajs/medusa": medusa,
    ...(tarball ? { "medusa-plugin-coupons": `file:${tarball}` } : {}),
  }
  const devDependencies = Object.fromEntries(["ts-node", "typescript", "@swc/core"].map((dep) => [dep, manifest.devDependencies[dep]]))
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: `host-${name}`, private: true, dependencies, devDependencies }))
  writeFileSync(path.join(dir, "medusa-config.ts"), hostConfig(Boolean(tarball)))
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { module: "Node16", moduleResolution: "Node16", target: "ES2021", esModuleInterop: true, skipLibCheck: true },
    })
  )
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: dir, encoding: "utf8", timeout: 1_200_000 })
  if (install.status !== 0) {
    throw new Error(`npm install in ${name}: ${`${install.stdout}${install.stderr}`.slice(-600)}`)
  }
  return dir
}

const cli = (dir) => [process.execPath, [path.join(dir, "node_modules/@medusajs/cli/cli.js")]]

const filesUnder = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? filesUnder(file) : [file]
  })

/** Resident memory of a process and everything it started, in MB. */
const rssOfTree = (pid) => {
  const rows = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
  const tree = new Set([pid])
  for (let grew = true; grew;) {
    grew = false
    for (const [child, parent] of rows) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child)
        grew = true
      }
    }
  }
  return rows.filter(([child]) => tree.has(child)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024
}

/** The same requests against either host: nothing in them needs the plugin. */
const fixedRequests = async (base) => {
  for (let i = 0; i < 200; i++) await (await fetch(`${base}/health`)).text()
  for (let i = 0; i < 20; i++) await (await fetch(`${base}/app`)).text()
  for (let i = 0; i < 20; i++) await (await fetch(`${base}/store/products`)).text()
}

const measure = async (name, dir, db) => {
  const database = `bench_host_${name}_${process.pid}`
  await ensureDatabaseExists(db, database)
  const env = { ...process.env, DATABASE_URL: connectionUrl(db, database), MEDUSA_DISABLE_TELEMETRY: "true", PORT: String(port) }
  const [node, args] = cli(dir)
  const build = await run(node, [...args, "build"], { cwd: dir, env, label: `${name}: medusa build` })
  await run(node, [...args, "db:migrate"], { cwd: dir, env, label: `${name}: medusa db:migrate` })
  const server = path.join(dir, ".medusa/server")
  // a deployment installs the production dependencies there; the host's own are the same packages
  symlinkSync(path.join(dir, "node_modules"), path.join(server, "node_modules"))
  const admin = filesUnder(path.join(server, "public/admin"))
  const adminBytes = admin.reduce((sum, file) => sum + statSync(file).size, 0)
  const adminGzip = admin
    .filter((file) => /\.(js|css|html)$/.test(file))
    .reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0)
  const started = startServer(node, [...args, "start"], { cwd: server, env: { ...env, NODE_ENV: "production" } })
  try {
    const boot = await waitForHttp(`http://localhost:${port}/health`, { timeoutMs: 300_000, intervalMs: 100 })
    if (boot === null) {
      throw new Error(`${name}: medusa start did not answer /health`)
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    const rssBoot = rssOfTree(started.child.pid)
    await fixedRequests(`http://localhost:${port}`)
    const rssFlows = rssOfTree(started.child.pid)
    return { build, boot, rssBoot, rssFlows, adminBytes, adminGzip }
  } finally {
    await started.stop()
    const client = new pg.Client({ ...db, database: "postgres" })
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    await client.end()
  }
}

const db = await resolveDatabase({ root, log })
try {
  log(`packing the plugin; Medusa ${medusa}`)
  const pack = spawnSync("npm", ["pack", "--json", "--pack-destination", scratch], { cwd: root, encoding: "utf8" })
  if (pack.status !== 0) {
    throw new Error(`npm pack: ${`${pack.stdout}${pack.stderr}`.slice(-600)}`)
  }
  const tarball = path.join(scratch, JSON.parse(pack.stdout.slice(pack.stdout.search(/^\[\s*$/m)))[0].filename)
  log("installing the two host apps (npm install)")
  const bare = createHost("bare", null)
  const withPlugin = createHost("plugin", tarball)
  const results = {}
  // the bare host first, then the plugin's: the same order every run
  for (const [name, dir] of [
    ["bare", bare],
    ["plugin", withPlugin],
  ]) {
    log(`${name}: build, migrate, boot`)
    results[name] = await measure(name, dir, db)
  }
  const { bare: a, plugin: b } = results
  const row = (label, unit, x, y, goal) => {
    const diff = y - x
    const verdict = goal ? (goal(diff, y / x) ? "PASS" : "FAIL") : ""
    console.log(
      `${label.padEnd(26)} ${x.toFixed(1).padStart(9)} ${y.toFixed(1).padStart(9)} ${unit.padEnd(3)} ${`${diff >= 0 ? "+" : ""}${diff.toFixed(1)}`.padStart(9)}  x${(y / x).toFixed(2)}  ${verdict}`
    )
  }
  console.log(`\n${"".padEnd(26)} ${"host".padStart(9)} ${"+plugin".padStart(9)}      ${"diff".padStart(9)}  ratio`)
  row("medusa build", "s", a.build, b.build, (_diff, ratio) => ratio <= 1.15)
  row("boot to /health", "s", a.boot, b.boot, (diff) => diff <= 1)
  row("RSS after boot", "MB", a.rssBoot, b.rssBoot, (diff) => diff <= 30)
  row("RSS after the requests", "MB", a.rssFlows, b.rssFlows, (diff) => diff <= 30)
  row("admin bundle on disk", "kB", a.adminBytes / 1024, b.adminBytes / 1024)
  row("admin js/css/html gzip", "kB", a.adminGzip / 1024, b.adminGzip / 1024)
  console.log("goals: build <= +15 %, boot <= +1 s, RSS <= +30 MB")
} finally {
  await db.stop()
  rmSync(scratch, { recursive: true, force: true })
}
