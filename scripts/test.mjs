// `npm test`: runs the checks (`npm run lint`, `npm run typecheck`) and stops
// there when one fails; then finds a PostgreSQL (local, DATABASE_URL or an
// embedded one), runs every suite and prints one closing tally and each
// suite's (and check's) duration. Naming suites runs only those, without the
// checks; `lint` and `typecheck` can be named too.
// The suites run in two lanes side by side (one per core of a CI machine): each
// lane's suites use databases, ports and build folders the other lane never
// touches. `--serial` (or TEST_SERIAL=1) runs them one after another instead.
import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, existsSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { stripVTControlCharacters } from "node:util"
import { fileURLToPath } from "node:url"
import { resolveDatabase } from "./lib/database.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const jestBin = path.join(root, "node_modules", "jest", "bin", "jest.js")

const SUITES = {
  unit: { env: { TEST_TYPE: "unit" }, args: [] },
  storefront: { env: { TEST_TYPE: "storefront" }, args: [] },
  // packs medusa-plugin-coupons-storefront: files, size budget, types (attw, StoreCart 2.12/2.21), React 18 and 19
  "storefront-package": { script: "scripts/check-storefront-package.mjs" },
  // --silent: the apps' own logs (every request, every restored database's dropped connections)
  // ran to thousands of lines and buried the failures; `npm run test:integration:http` shows them
  modules: { env: { TEST_TYPE: "integration:modules" }, args: ["--runInBand", "--forceExit", "--silent"] },
  http: { env: { TEST_TYPE: "integration:http" }, args: ["--runInBand", "--forceExit", "--silent"] },
  // thousands of generated bad requests against every route, and the rate limiter's Redis store
  reliability: { env: { TEST_TYPE: "integration:reliability" }, args: ["--runInBand", "--forceExit", "--silent"] },
  // packs the plugin and boots it in scratch host apps on Medusa 2.21.0 and 2.21.2 (plain npm install)
  package: { script: "scripts/test-package.mjs" },
  // the admin screens and the storefront demo in Debian's chromium, against a fresh demo store
  e2e: { script: "scripts/test-e2e.mjs" },
}
// npm scripts that run before the suites, side by side; they need no database
const CHECKS = ["lint", "typecheck"]
const GROUPS = { integration: ["modules", "http"] }
// Two lanes on a 2-core machine. Measured in one CI run (2026-12-07): http 22m 17s
// beside reliability 13m 02s, package 7m 45s, e2e 5m 37s and about 1m 30s of small
// suites (27m 31s), so the small suites that need no app (unit, storefront) and
// modules run first in the http lane. The package test after http instead made that
// lane the longest by far. storefront-package rebuilds storefront-components/dist in
// place, which the e2e suite packs into the example Next.js storefront: the two share
// a lane, the check first
const LANES = [
  ["unit", "storefront", "modules", "http"],
  ["storefront-package", "e2e", "reliability", "package"],
]

const args = process.argv.slice(2)
const serial = args.includes("--serial") || process.env.TEST_SERIAL === "1"
const wanted = args.filter((arg) => arg !== "--serial").flatMap((name) => GROUPS[name] ?? [name])
const checks = wanted.length ? CHECKS.filter((name) => wanted.includes(name)) : CHECKS
const selected = wanted.length ? wanted.filter((name) => !CHECKS.includes(name)) : Object.keys(SUITES)
for (const name of selected) {
  if (!SUITES[name]) {
    console.error(`[test] unknown suite "${name}"; known: ${[...CHECKS, ...Object.keys(SUITES)].join(", ")}`)
    process.exit(1)
  }
}
const lanes = serial ? [selected] : LANES.map((lane) => lane.filter((name) => selected.includes(name))).filter((lane) => lane.length)
let parallel = checks.length > 1 && !serial

/** Prints a child's output; side by side, each line carries its suite's name. */
const forward = (name) => {
  let partial = ""
  const write = (chunk) => {
    if (!parallel) {
      process.stdout.write(chunk)
      return
    }
    const lines = (partial + chunk).split("\n")
    partial = lines.pop()
    if (lines.length) process.stdout.write(lines.map((line) => `[${name}] ${line}\n`).join(""))
  }
  write.end = () => partial && write("\n")
  return write
}

// a script suite prints its own "N passed, N failed" closing line
const runScript = (name, env) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [SUITES[name].script], { cwd: root, env: { ...process.env, ...env } })
    let tail = ""
    const failures = failureLines()
    const write = forward(name)
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk) => {
        write(chunk.toString())
        failures.add(chunk.toString())
        tail = (tail + chunk).slice(-2000)
      })
    }
    child.on("close", (code) => {
      write.end()
      const tally = [...tail.matchAll(/^(\d+) passed, (\d+) failed/gm)].pop()
      const failedNames = failures.lines(/✗ (.*)/)
      resolve({ name, code: code ?? 1, passed: Number(tally?.[1] ?? 0), failed: Number(tally?.[2] ?? 1), skipped: 0, failedNames })
    })
  })

const run = (name, env) =>
  SUITES[name].script
    ? runScript(name, env)
    : new Promise((resolve) => {
        const out = path.join(mkdtempSync(path.join(tmpdir(), "coupons-test-")), `${name}.json`)
        const suite = SUITES[name]
        const child = spawn(process.execPath, [jestBin, ...suite.args, "--json", `--outputFile=${out}`], {
          cwd: root,
          stdio: parallel ? ["ignore", "pipe", "pipe"] : "inherit",
          env: { ...process.env, ...env, ...suite.env },
        })
        const write = forward(name)
        const failures = failureLines()
        let tail = ""
        if (parallel) {
          for (const stream of [child.stdout, child.stderr]) {
            stream.on("data", (chunk) => {
              write(chunk.toString())
              failures.add(chunk.toString())
              tail = (tail + chunk).slice(-4000)
            })
          }
        }
        child.on("close", (code) => {
          write.end()
          const report = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : null
          // jest cannot write its JSON report when a failure holds a circular object (an HTTP
          // error with its request): its closing "Tests:" line still has the counts
          const line = report ? null : [...tail.matchAll(/^(?:\[[\w-]+\] )?Tests: +(.*)$/gm)].pop()?.[1]
          const count = (word) => Number(line?.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0)
          resolve({
            name,
            code: code ?? 1,
            passed: report?.numPassedTests ?? count("passed"),
            failed: report ? report.numFailedTests + report.numRuntimeErrorTestSuites : line ? Math.max(count("failed"), code ? 1 : 0) : 1,
            skipped: report ? report.numPendingTests + report.numTodoTests : count("skipped") + count("todo"),
            failedNames: report ? failedInReport(report) : failures.lines(/^\s*● (.*›.*)$/),
          })
        })
      })

/**
 * Collects a suite's failure lines as its output streams by, so the closing summary can name
 * each failed test: CI keeps only the end of a run's output, far below the failure itself.
 */
const failureLines = () => {
  let partial = ""
  const kept = []
  return {
    add(chunk) {
      const lines = (partial + chunk).split("\n")
      partial = lines.pop()
      kept.push(...lines.filter((line) => line.includes("✗") || line.includes("●")))
    },
    lines: (pattern) => [...new Set([...kept, partial].map((line) => line.match(pattern)?.[1]?.trim()).filter(Boolean))],
  }
}

// CI keeps only the end of the log: the error's message and diff (up to its stack),
// so that a failed deep equality shows which keys differed
const errorGist = (text) => {
  const lines = stripVTControlCharacters(text ?? "").split("\n")
  const stack = lines.findIndex((line) => /^\s+at /.test(line))
  return lines
    .slice(0, stack === -1 ? 60 : Math.min(stack, 60))
    .filter((line) => line.trim())
    .slice(0, 24)
    .map((line) => line.slice(0, 240))
    .join("\n      ")
}

/** "file › describe › test: the error's message and diff" for each failed test of a jest JSON report. */
const failedInReport = (report) =>
  report.testResults.flatMap((file) => {
    const where = path.relative(root, file.name)
    const failed = file.assertionResults.filter((test) => test.status === "failed")
    if (!failed.length) {
      // a file that failed to run (its setup threw) has no failed test of its own
      return file.status === "failed" ? [`${where}: ${errorGist(file.message)}`] : []
    }
    return failed.map((test) => `${where} › ${test.fullName}: ${errorGist(test.failureMessages?.[0])}`)
  })

const npm = process.platform === "win32" ? "npm.cmd" : "npm"
/** One npm script (lint, typecheck); its output prefixed when side by side. */
const runCheck = (name) =>
  new Promise((resolve) => {
    const start = Date.now()
    const child = spawn(npm, ["run", "--silent", name], { cwd: root, stdio: ["ignore", "pipe", "pipe"] })
    const write = forward(name)
    child.stdout.on("data", (chunk) => write(chunk.toString()))
    child.stderr.on("data", (chunk) => write(chunk.toString()))
    child.on("close", (code) => {
      write.end()
      resolve({ name, code: code ?? 1, check: true, seconds: (Date.now() - start) / 1000 })
    })
  })

// rounded to the second first: 719.6 s is "12m 00s", not "11m 60s"
const duration = (seconds) => {
  const whole = Math.round(seconds)
  return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, "0")}s`
}
const printDurations = (rows) => {
  for (const result of rows) {
    const outcome = result.check
      ? result.code
        ? `failed (exit ${result.code})`
        : "clean"
      : `${result.passed} passed, ${result.failed} failed${result.code ? ` (exit ${result.code})` : ""}`
    console.log(`[test] ${result.name.padEnd(18)} ${duration(result.seconds).padStart(7)}  ${outcome}`)
  }
}

const started = Date.now()
const checkResults = []
if (checks.length) {
  console.log(`[test] checks first: ${checks.map((name) => `npm run ${name}`).join(", ")}`)
  checkResults.push(
    ...(parallel
      ? await Promise.all(checks.map(runCheck))
      : await checks.reduce(async (done, name) => [...(await done), await runCheck(name)], []))
  )
  const failedChecks = checkResults.filter((result) => result.code !== 0)
  if (failedChecks.length) {
    printDurations(checkResults)
    console.error(
      `[test] ${failedChecks.map((result) => `npm run ${result.name}`).join(" and ")} failed (output above); no suite was run. Fix it, or \`npm run format\` for formatting.`
    )
    console.log(`0 passed, ${failedChecks.length} failed`)
    process.exit(1)
  }
}
if (!selected.length) {
  printDurations(checkResults)
  process.exit(0)
}
parallel = lanes.length > 1

const db = await resolveDatabase({ root, log: (line) => console.log(`[test] ${line}`) })
const env = {
  DB_HOST: db.host,
  DB_PORT: String(db.port),
  DB_USERNAME: db.user,
  DB_PASSWORD: db.password,
  MEDUSA_DISABLE_TELEMETRY: "true",
  // the HTTP suite boots the app once per spec file in one process: its heap grows past Node's default cap
  NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules", "--max-old-space-size=8192"].filter(Boolean).join(" "),
}
console.log(`[test] PostgreSQL: ${db.source} at ${db.host}:${db.port}`)

const results = []
const runLane = async (lane) => {
  for (const name of lane) {
    const start = Date.now()
    results.push({ ...(await run(name, env)), seconds: (Date.now() - start) / 1000 })
  }
}
try {
  await Promise.all(lanes.map(runLane))
} finally {
  await db.stop()
}

printDurations([...checkResults, ...results.sort((a, b) => selected.indexOf(a.name) - selected.indexOf(b.name))])
for (const result of results) {
  for (const failure of result.failedNames ?? []) console.log(`[test] failed in ${result.name}: ${failure.slice(0, 4000)}`)
}
console.log(`[test] total ${duration((Date.now() - started) / 1000)}${parallel ? ` (${lanes.length} lanes side by side)` : ""}`)
const passed = results.reduce((sum, r) => sum + r.passed, 0)
const failed = results.reduce((sum, r) => sum + r.failed, 0)
const skipped = results.reduce((sum, r) => sum + r.skipped, 0)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`)
process.exit(results.some((r) => r.code !== 0) || failed ? 1 : 0)
