// The example Next.js storefront (examples/nextjs-storefront) for the browser
// tests: its own dependencies (`npm ci`, only when node_modules does not match
// its lockfile), `next build` (skipped when nothing it builds from changed
// since the last build), `next start` on a port. Both steps run before
// `medusa develop` starts: its watcher ignores only the root's node_modules,
// so files appearing under the example would restart the store mid-test.
import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { run, startServer } from "../../../scripts/lib/run.mjs"

export const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../examples/nextjs-storefront")
const npmCli = process.env.npm_execpath?.endsWith("npm-cli.js") ? [process.execPath, process.env.npm_execpath] : ["npm"]
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }
const stampFile = path.join(appDir, ".next", "coupons-build-stamp")
// what `next build` reads: a change to any of them means a new build
const BUILD_INPUTS = ["src", "package-lock.json", "next.config.mjs", "tsconfig.json"]

/** Whether node_modules holds exactly the lockfile's packages (npm's own record of them). */
const installed = () => {
  const record = path.join(appDir, "node_modules", ".package-lock.json")
  if (!existsSync(record)) {
    return false
  }
  const wanted = JSON.parse(readFileSync(path.join(appDir, "package-lock.json"), "utf8")).packages
  const have = JSON.parse(readFileSync(record, "utf8")).packages
  return Object.entries(wanted).every(([name, entry]) => name === "" || entry.optional || have[name]?.version === entry.version)
}

const filesOf = (entry) =>
  statSync(entry).isDirectory() ? readdirSync(entry).sort().flatMap((name) => filesOf(path.join(entry, name))) : [entry]

/** A hash of every build input, with the versions of the packages installed. */
const buildStamp = () => {
  const hash = createHash("sha256")
  for (const file of BUILD_INPUTS.flatMap((input) => filesOf(path.join(appDir, input)))) {
    hash.update(path.relative(appDir, file)).update(readFileSync(file))
  }
  hash.update(readFileSync(path.join(appDir, "node_modules", ".package-lock.json")))
  return hash.digest("hex")
}

/** Installs and builds the example when needed; resolves with the seconds each step took (0: not needed). */
export const prepareNextApp = async ({ log }) => {
  const seconds = { install: 0, build: 0 }
  if (!installed()) {
    log(`installing examples/nextjs-storefront (npm ci)`)
    seconds.install = await run(npmCli[0], [...npmCli.slice(1), "ci", "--no-audit", "--no-fund", "--prefer-offline"], {
      cwd: appDir,
      env,
      label: "npm ci (examples/nextjs-storefront)",
    })
  }
  const stamp = buildStamp()
  const built = existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && process.env.NEXTJS_REBUILD !== "1"
  if (!built) {
    log("building examples/nextjs-storefront (next build)")
    seconds.build = await run(process.execPath, [nextBin(), "build"], { cwd: appDir, env, label: "next build" })
    writeFileSync(stampFile, stamp)
  }
  log(`examples/nextjs-storefront: install ${seconds.install.toFixed(1)} s, build ${seconds.build.toFixed(1)} s (0: up to date)`)
  return seconds
}

const nextBin = () => createRequire(path.join(appDir, "package.json")).resolve("next/dist/bin/next")

/** `next start` against the store; `{ url, stop }`. */
export const startNextApp = async ({ backendUrl, publishableKey, port }) => {
  const server = startServer(process.execPath, [nextBin(), "start", "-p", String(port)], {
    cwd: appDir,
    env: { ...env, MEDUSA_BACKEND_URL: backendUrl, NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: publishableKey },
  })
  const url = `http://localhost:${port}`
  // any answer will do: the middleware meets a first visit with a redirect (it sets the cache id)
  const deadline = Date.now() + 60_000
  while (!(await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) }).then(() => true, () => false))) {
    if (Date.now() > deadline) {
      await server.stop()
      throw new Error(`next start did not answer on ${url}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return { url, stop: server.stop }
}
