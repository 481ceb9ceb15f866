// `npm test`: finds a PostgreSQL (local, DATABASE_URL or an embedded one),
// then runs every suite and prints one closing tally.
import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, existsSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { resolveDatabase } from "./lib/database.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const jestBin = path.join(root, "node_modules", "jest", "bin", "jest.js")

const SUITES = {
  unit: { env: { TEST_TYPE: "unit" }, args: [] },
  storefront: { env: { TEST_TYPE: "storefront" }, args: [] },
  // type-checks a consumer against the packed package; no server code in the bundle
  "storefront-package": { script: "scripts/check-storefront-package.mjs" },
  modules: { env: { TEST_TYPE: "integration:modules" }, args: ["--runInBand", "--forceExit"] },
  http: { env: { TEST_TYPE: "integration:http" }, args: ["--runInBand", "--forceExit"] },
  // thousands of generated bad requests against every route, and the rate limiter's Redis store
  reliability: { env: { TEST_TYPE: "integration:reliability" }, args: ["--runInBand", "--forceExit"] },
  // builds, packs and boots the plugin inside a scratch host app
  package: { script: "scripts/test-package.mjs" },
  // the admin screens and the storefront demo in Debian's chromium, against a fresh demo store
  e2e: { script: "scripts/test-e2e.mjs" },
}
const GROUPS = { integration: ["modules", "http"] }

const wanted = process.argv.slice(2).flatMap((name) => GROUPS[name] ?? [name])
const selected = wanted.length ? wanted : Object.keys(SUITES)

// a script suite prints its own "N passed, N failed" closing line
const runScript = (name, env) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [SUITES[name].script], { cwd: root, env: { ...process.env, ...env } })
    let tail = ""
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk) => {
        process.stdout.write(chunk)
        tail = (tail + chunk).slice(-2000)
      })
    }
    child.on("exit", (code) => {
      const tally = [...tail.matchAll(/^(\d+) passed, (\d+) failed/gm)].pop()
      resolve({ name, code: code ?? 1, passed: Number(tally?.[1] ?? 0), failed: Number(tally?.[2] ?? 1), skipped: 0 })
    })
  })

const run = (name, env) =>
  SUITES[name].script ? runScript(name, env) : new Promise((resolve) => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "coupons-test-")), `${name}.json`)
    const suite = SUITES[name]
    const child = spawn(process.execPath, [jestBin, ...suite.args, "--json", `--outputFile=${out}`], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, ...env, ...suite.env },
    })
    child.on("exit", (code) => {
      const report = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : null
      resolve({
        name,
        code: code ?? 1,
        passed: report?.numPassedTests ?? 0,
        failed: report ? report.numFailedTests + report.numRuntimeErrorTestSuites : 1,
        skipped: report ? report.numPendingTests + report.numTodoTests : 0,
      })
    })
  })

const db = await resolveDatabase({ root, log: (line) => console.log(`[test] ${line}`) })
const env = {
  DB_HOST: db.host,
  DB_PORT: String(db.port),
  DB_USERNAME: db.user,
  DB_PASSWORD: db.password,
  MEDUSA_DISABLE_TELEMETRY: "true",
  NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
}
console.log(`[test] PostgreSQL: ${db.source} at ${db.host}:${db.port}`)

const results = []
try {
  for (const name of selected) {
    if (!SUITES[name]) {
      throw new Error(`unknown suite "${name}"; known: ${Object.keys(SUITES).join(", ")}`)
    }
    results.push(await run(name, env))
  }
} finally {
  await db.stop()
}

for (const result of results) {
  console.log(`[test] ${result.name}: ${result.passed} passed, ${result.failed} failed${result.code ? ` (exit ${result.code})` : ""}`)
}
const passed = results.reduce((sum, r) => sum + r.passed, 0)
const failed = results.reduce((sum, r) => sum + r.failed, 0)
const skipped = results.reduce((sum, r) => sum + r.skipped, 0)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`)
process.exit(results.some((r) => r.code !== 0) || failed ? 1 : 0)
