#!/usr/bin/env node
// Proves `medusa-plugin-coupons-storefront` (storefront-components/) works as
// published: packs it with `npm pack` from an unbuilt folder (its prepack
// builds it), checks what the tarball ships and depends on, measures the
// cart page's JavaScript against the budget, checks the types with
// @arethetypeswrong/cli, type-checks consumer files (a browser-SDK page, the
// Next.js starter's cart with StoreCart of @medusajs/types 2.12 and 2.21, a
// "use server" file, a Server Component) under moduleResolution node, node16
// and bundler, loads every entry through the export map, renders on the
// server with React 18, and installs the tarball with plain `npm install`
// into a React 19 app (set STOREFRONT_REACT19=0 to skip that install).
// Last line: "N passed, N failed".
import { spawnSync } from "node:child_process"
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const pkgDir = path.join(root, "storefront-components")
const NAME = "medusa-plugin-coupons-storefront"
const log = (line) => console.log(`[storefront-package] ${line}`)
const checks = []
const check = (name, ok, detail = "") => {
  checks.push({ name, ok })
  log(`${ok ? "✓" : "✗"} ${name}${detail ? ` — ${detail}` : ""}`)
}
const run = (command, args, options) => spawnSync(command, args, { encoding: "utf8", ...options })
const output = (result) => `${result.stdout ?? ""}${result.stderr ?? ""}`.trim()
const tsc = path.join(root, "node_modules/typescript/bin/tsc")

const SERVER_PACKAGES = [
  "@medusajs/framework",
  "@medusajs/medusa",
  "@medusajs/utils",
  "@medusajs/admin-sdk",
  "@medusajs/ui",
  "@medusajs/icons",
  "recharts",
  "csv-parse",
  "csv-stringify",
  "rate-limiter-flexible",
  "pg",
  "knex",
]
const PEERS = ["@medusajs/js-sdk", "react"]
// what each built entry may import
const ALLOWED = { index: ["react", "react/jsx-runtime"], core: [], next: [] }
const CONSUMERS = ["consumer.tsx", "starter-cart-2-21.tsx", "starter-cart-2-12.tsx", "coupon-actions.ts", "server-component.tsx"]
const RESOLUTIONS = [
  ["bundler (Next.js, Vite)", ["--module", "esnext", "--moduleResolution", "bundler"]],
  ["node16", ["--module", "node16", "--moduleResolution", "node16"]],
  ['node (the starter\'s "node")', ["--module", "esnext", "--moduleResolution", "node"]],
]
const tscFlags = [
  "--noEmit",
  "--strict",
  "--jsx",
  "react-jsx",
  "--target",
  "es2020",
  "--lib",
  "dom,es2020",
  "--skipLibCheck",
  "--esModuleInterop",
  "--types",
  "react",
]

/** Every module a built file imports or requires. */
const specifiers = (code) =>
  new Set([...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)].map((match) => match[1]))

/** `npm pack --json` output follows the prepack build's log lines. */
const packJson = (stdout) => JSON.parse(stdout.slice(stdout.search(/^\[\s*$/m)))

/** A module as installed here: the workspace's own node_modules first (npm keeps the 2.12 types alias there), then the root's. */
const installedModule = (name) =>
  [path.join(pkgDir, "node_modules", name), path.join(root, "node_modules", name)].find((dir) => existsSync(dir)) ??
  path.join(root, "node_modules", name)

/** A scratch app: the packed package plus the given modules linked from this repository. */
const scratchApp = (dir, tarball, linked) => {
  const modules = path.join(dir, "node_modules")
  const installed = path.join(modules, NAME)
  mkdirSync(installed, { recursive: true })
  run("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"])
  for (const name of linked) {
    mkdirSync(path.dirname(path.join(modules, name)), { recursive: true })
    symlinkSync(installedModule(name), path.join(modules, name), "dir")
  }
  for (const file of CONSUMERS) {
    copyFileSync(path.join(pkgDir, "__consumer__", file), path.join(dir, file))
  }
  return installed
}

const ssrScript = `
  const { createElement: h } = require("react")
  const { renderToString } = require("react-dom/server")
  const { CartCoupons, CouponsProvider, CouponForm, AppliedCoupons, CouponDiscountLine } = require("${NAME}")
  const never = async () => { throw new Error("no requests while rendering") }
  const actions = { applyCoupon: never, removeCoupon: never }
  const cart = { id: "cart_1", currency_code: "usd", discount_total: 11, promotions: [{ id: "promo_1", code: "WELCOME10" }] }
  const sdk = { client: { fetch: never } }
  console.log(renderToString(h("div", null, h(CartCoupons, { cart, actions }), h(CouponsProvider, { sdk, cartId: null }, h(CouponForm), h(AppliedCoupons), h(CouponDiscountLine)))))
`
const renderedWell = (html) => /<label[^>]*>Discount code<\/label>/.test(html) && /WELCOME10/.test(html)

const scratch = mkdtempSync(path.join(tmpdir(), "coupons-storefront-"))
try {
  // from an unbuilt folder, as in a fresh clone: prepack must build it
  rmSync(path.join(pkgDir, "dist"), { recursive: true, force: true })
  log(`packing ${NAME} (npm pack runs its prepack build)`)
  const pack = run("npm", ["pack", "--json", "--pack-destination", scratch], { cwd: pkgDir })
  if (pack.status !== 0) {
    throw new Error(`npm pack failed: ${output(pack).slice(-800)}`)
  }
  const packed = packJson(pack.stdout)[0]
  const tarball = path.join(scratch, packed.filename)
  const files = packed.files.map((file) => file.path)
  const wanted = ["index", "core", "next"].flatMap((entry) => [".mjs", ".js", ".d.ts", ".d.mts"].map((ext) => `dist/${entry}${ext}`))
  wanted.push("dist/styles.css", "package.json")
  check(
    "npm pack from an unbuilt folder ships the build",
    wanted.every((file) => files.includes(file)),
    wanted.filter((f) => !files.includes(f)).join(", ") || `${files.length} files`
  )
  check(
    "npm pack ships no sources, tests or scripts",
    files.every((file) => file.startsWith("dist/") || /^(package\.json|README\.md|LICENSE)$/.test(file)),
    files.filter((f) => !f.startsWith("dist/")).join(", ")
  )

  const manifest = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"))
  const peers = Object.keys(manifest.peerDependencies ?? {}).sort()
  check(
    "depends on nothing at run time",
    !manifest.dependencies || Object.keys(manifest.dependencies).length === 0,
    JSON.stringify(manifest.dependencies ?? {})
  )
  check(
    "peers are react and @medusajs/js-sdk only",
    JSON.stringify(peers) === JSON.stringify(PEERS),
    JSON.stringify(manifest.peerDependencies)
  )

  const { measureCartPage, BUDGET_BYTES } = await import(path.join(pkgDir, "scripts/size.mjs"))
  const size = await measureCartPage()
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`
  log(`cart-page JavaScript: ${kb(size.minified)} minified, ${kb(size.gzip)} gzip (budget ${kb(BUDGET_BYTES)})`)
  check("cart-page JavaScript within the gzip budget", size.gzip <= BUDGET_BYTES, `${size.gzip} B gzip of ${BUDGET_BYTES} B`)

  const attw = run(
    process.execPath,
    [
      path.join(root, "node_modules/@arethetypeswrong/cli/dist/index.js"),
      tarball,
      "--no-definitely-typed",
      "--exclude-entrypoints",
      "./styles.css",
      "--format",
      "table-flipped",
      "--no-color",
    ],
    { cwd: scratch }
  )
  check(
    "@arethetypeswrong/cli finds no problem (node10, node16 CJS/ESM, bundler)",
    attw.status === 0,
    attw.status === 0 ? "" : output(attw).slice(0, 2500)
  )

  // React 18 app: React, its types, the SDK and both @medusajs/types versions from this repository
  const app18 = path.join(scratch, "react18")
  mkdirSync(app18)
  const installed = scratchApp(app18, tarball, [
    "react",
    "react-dom",
    "@types/react",
    "@medusajs/js-sdk",
    "@medusajs/types",
    "@medusajs/types-2-12",
  ])
  writeFileSync(path.join(app18, "package.json"), JSON.stringify({ name: "consumer-store", private: true, version: "0.0.0" }))
  for (const [label, flags] of RESOLUTIONS) {
    const result = run(process.execPath, [tsc, ...tscFlags, ...flags, ...CONSUMERS], { cwd: app18 })
    check(`consumers type-check, moduleResolution ${label}`, result.status === 0, output(result).slice(0, 1500))
  }

  for (const entry of ["", "/core", "/next"]) {
    const required = run(process.execPath, ["-e", `console.log(Object.keys(require("${NAME}${entry}")).length)`], { cwd: app18 })
    const imported = run(
      process.execPath,
      ["--input-type=module", "-e", `console.log(Object.keys(await import("${NAME}${entry}")).length)`],
      { cwd: app18 }
    )
    const counts = [required.stdout.trim(), imported.stdout.trim()]
    check(
      `${NAME}${entry} loads with require() and import`,
      required.status === 0 && imported.status === 0 && Number(counts[0]) > 0 && counts[0] === counts[1],
      `${counts.join(" / ")} exports ${output(required).slice(0, 200)} ${output(imported).slice(0, 200)}`
    )
  }
  const css = run(process.execPath, ["-e", `console.log(require.resolve("${NAME}/styles.css"))`], { cwd: app18 })
  check("styles.css is exported", css.status === 0 && /styles\.css$/.test(css.stdout.trim()), output(css).slice(0, 300))
  const ssr18 = run(process.execPath, ["-e", ssrScript], { cwd: app18 })
  check(
    "components render on the server, React 18, the page's cart read without a request",
    ssr18.status === 0 && renderedWell(ssr18.stdout),
    output(ssr18).slice(0, 400)
  )

  const dist = path.join(installed, "dist")
  for (const entry of Object.keys(ALLOWED)) {
    const used = new Set(
      readdirSync(dist)
        .filter((file) => file.startsWith(`${entry}.`) && /\.(m?js|d\.m?ts)$/.test(file))
        .flatMap((file) => [...specifiers(readFileSync(path.join(dist, file), "utf8"))])
    )
    const server = [...used].filter((name) => SERVER_PACKAGES.some((bad) => name === bad || name.startsWith(`${bad}/`)))
    const unexpected = [...used].filter((name) => !ALLOWED[entry].includes(name))
    check(
      `${entry} bundle imports only ${ALLOWED[entry].join(", ") || "nothing"}`,
      unexpected.length === 0 && server.length === 0,
      [...used].join(", ")
    )
  }
  const opens = (file) => readFileSync(path.join(dist, file), "utf8").startsWith('"use client";')
  check('"use client" opens the client entry (both builds)', opens("index.mjs") && opens("index.js"))
  check(
    '"use client" is not in ./core or ./next (RSC-safe)',
    !["core.mjs", "core.js", "next.mjs", "next.js"].some((file) => readFileSync(path.join(dist, file), "utf8").includes('"use client"'))
  )

  if (process.env.STOREFRONT_REACT19 !== "0") {
    // React 19 app installed from the registry with plain npm (peers must accept it, no --legacy-peer-deps)
    const app19 = path.join(scratch, "react19")
    mkdirSync(app19)
    writeFileSync(
      path.join(app19, "package.json"),
      JSON.stringify({
        name: "react19-store",
        private: true,
        version: "0.0.0",
        dependencies: { react: "19.0.0", "react-dom": "19.0.0", "@medusajs/js-sdk": "2.12.3", [NAME]: `file:${tarball}` },
        devDependencies: { "@types/react": "19.0.0" },
      })
    )
    log("installing the tarball into a React 19 app (npm install)")
    const install = run("npm", ["install", "--no-audit", "--no-fund"], { cwd: app19, timeout: 300_000 })
    check(
      "plain npm install into a React 19 app with @medusajs/js-sdk 2.12.3",
      install.status === 0 && !/ERESOLVE/.test(output(install)),
      output(install)
        .split("\n")
        .filter((line) => !/install-scripts|EBADENGINE/.test(line))
        .slice(-4)
        .join(" | ")
    )
    if (install.status === 0) {
      for (const name of ["@medusajs/types", "@medusajs/types-2-12"]) {
        mkdirSync(path.dirname(path.join(app19, "node_modules", name)), { recursive: true })
        symlinkSync(installedModule(name), path.join(app19, "node_modules", name), "dir")
      }
      for (const file of CONSUMERS) {
        copyFileSync(path.join(pkgDir, "__consumer__", file), path.join(app19, file))
      }
      const [label, flags] = RESOLUTIONS[2]
      const types = run(process.execPath, [tsc, ...tscFlags, ...flags, ...CONSUMERS], { cwd: app19 })
      check(`consumers type-check with React 19's types, moduleResolution ${label}`, types.status === 0, output(types).slice(0, 1500))
      const ssr19 = run(process.execPath, ["-e", ssrScript], { cwd: app19 })
      check("components render on the server, React 19", ssr19.status === 0 && renderedWell(ssr19.stdout), output(ssr19).slice(0, 400))
    }
  }
} catch (error) {
  check("storefront package check ran to the end", false, error.message)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

const failed = checks.filter((c) => !c.ok).length
console.log(`${checks.length - failed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
