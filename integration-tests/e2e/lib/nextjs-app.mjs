// The example Next.js storefront (examples/nextjs-storefront) for the browser
// tests: the storefront package it depends on (`file:`, installed as a copy)
// built when its dist is older than its sources, the example's own
// dependencies (`npm ci`, only when node_modules does not match its lockfile
// or holds another build of the package), `next build` (skipped when nothing
// it builds from changed since the last build), then `next start` on a port.
// All of it runs before `medusa develop` starts: its watcher ignores only the
// root's node_modules, so files written under the example restart the store.
import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { run, startServer } from "../../../scripts/lib/run.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")
export const appDir = path.join(root, "examples", "nextjs-storefront")
const packageDir = path.join(root, "storefront-components")
const PACKAGE = "medusa-plugin-coupons-storefront"
// what the package's build reads (its tests and demo are not shipped)
const PACKAGE_INPUTS = ["index.ts", "core.ts", "next.ts", "src", "styles.css", "package.json", "tsup.config.ts", "tsconfig.build.json"]
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
  statSync(entry).isDirectory()
    ? readdirSync(entry)
        .sort()
        .flatMap((name) => filesOf(path.join(entry, name)))
    : [entry]

const hashOf = (dir) => {
  const hash = createHash("sha256")
  for (const file of filesOf(dir)) {
    hash.update(path.relative(dir, file)).update(readFileSync(file))
  }
  return hash.digest("hex")
}

/** Whether storefront-components/dist is missing or older than a source file. */
const packageStale = () => {
  const dist = path.join(packageDir, "dist")
  if (!existsSync(path.join(dist, "next.mjs"))) {
    return true
  }
  const built = Math.min(...filesOf(dist).map((file) => statSync(file).mtimeMs))
  return PACKAGE_INPUTS.flatMap((input) => filesOf(path.join(packageDir, input))).some((file) => statSync(file).mtimeMs > built)
}

/** Whether the example's copy of the package is the current build. */
const packageCopyCurrent = () => {
  const copy = path.join(appDir, "node_modules", PACKAGE, "dist")
  return existsSync(copy) && hashOf(copy) === hashOf(path.join(packageDir, "dist"))
}

/** A hash of every build input, with the versions of the packages installed and the package's build. */
const buildStamp = () => {
  const hash = createHash("sha256")
  for (const file of BUILD_INPUTS.flatMap((input) => filesOf(path.join(appDir, input)))) {
    hash.update(path.relative(appDir, file)).update(readFileSync(file))
  }
  hash.update(readFileSync(path.join(appDir, "node_modules", ".package-lock.json")))
  hash.update(hashOf(path.join(appDir, "node_modules", PACKAGE, "dist")))
  return hash.digest("hex")
}

/** Installs and builds the example when needed; resolves with the seconds each step took (0: not needed). */
export const prepareNextApp = async ({ log }) => {
  const seconds = { package: 0, install: 0, build: 0 }
  if (packageStale()) {
    log(`building ${PACKAGE} (its dist is older than its sources)`)
    seconds.package = await run(npmCli[0], [...npmCli.slice(1), "run", "build", "-w", PACKAGE], {
      cwd: root,
      env,
      label: `build ${PACKAGE}`,
    })
  }
  if (!installed() || !packageCopyCurrent()) {
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
  log(
    `examples/nextjs-storefront: package build ${seconds.package.toFixed(1)} s, install ${seconds.install.toFixed(1)} s, next build ${seconds.build.toFixed(1)} s (0: up to date)`
  )
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
  while (
    !(await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) }).then(
      () => true,
      () => false
    ))
  ) {
    if (Date.now() > deadline) {
      await server.stop()
      throw new Error(`next start did not answer on ${url}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return { url, stop: server.stop }
}
