#!/usr/bin/env node
// Proves `medusa-plugin-coupons/storefront` works as published: builds the
// storefront bundle, packs the package with `npm pack`, installs the tarball
// into a scratch node_modules beside React and the JS SDK, type-checks a
// consumer file against it, loads it through the export map (require and
// import), renders it on the server, and checks the bundle holds no Medusa
// server code. Last line: "N passed, N failed".
import { execFileSync, spawnSync } from "node:child_process"
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const log = (line) => console.log(`[storefront-package] ${line}`)
const checks = []
const check = (name, ok, detail = "") => {
  checks.push({ name, ok })
  log(`${ok ? "✓" : "✗"} ${name}${detail ? ` — ${detail}` : ""}`)
}
const run = (command, args, options) => spawnSync(command, args, { encoding: "utf8", ...options })
const output = (result) => `${result.stdout ?? ""}${result.stderr ?? ""}`.trim()

const FORBIDDEN = ["@medusajs/framework", "@medusajs/medusa", "@medusajs/utils", "pg", "knex"]
const ALLOWED = ["react", "react/jsx-runtime", "@medusajs/js-sdk"]
const LINKED = ["react", "react-dom", "@types/react", "@medusajs/js-sdk"]

/** Every module a built file imports or requires. */
const specifiers = (code) =>
  new Set(
    [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)].map((match) => match[1])
  )
const isForbidden = (specifier) => FORBIDDEN.some((name) => specifier === name || specifier.startsWith(`${name}/`))

const scratch = mkdtempSync(path.join(tmpdir(), "coupons-storefront-"))
try {
  log("building the storefront bundle (npm run build:storefront)")
  const build = run("npm", ["run", "build:storefront"], { cwd: root })
  check("storefront bundle builds", build.status === 0, build.status === 0 ? "" : output(build).slice(-800))

  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", scratch], { cwd: root, encoding: "utf8" }))
  const files = packed[0].files.map((file) => file.path)
  const wanted = ["index.mjs", "index.js", "index.d.ts", "styles.css"].map((name) => `storefront-components/dist/${name}`)
  check("npm pack ships the storefront build", wanted.every((file) => files.includes(file)), wanted.filter((f) => !files.includes(f)).join(", ") || `${files.length} files`)
  check("npm pack ships no storefront sources or tests", !files.some((file) => /^storefront-components\/(?!dist\/)/.test(file)))

  // the consumer app: the packed package plus React, its types and the SDK from this repository
  const modules = path.join(scratch, "node_modules")
  const installed = path.join(modules, "medusa-plugin-coupons")
  mkdirSync(installed, { recursive: true })
  execFileSync("tar", ["-xzf", path.join(scratch, packed[0].filename), "-C", installed, "--strip-components=1"])
  for (const name of LINKED) {
    mkdirSync(path.dirname(path.join(modules, name)), { recursive: true })
    symlinkSync(path.join(root, "node_modules", name), path.join(modules, name), "dir")
  }
  writeFileSync(path.join(scratch, "package.json"), JSON.stringify({ name: "consumer-store", private: true, version: "0.0.0" }))
  copyFileSync(path.join(root, "storefront-components/__consumer__/consumer.tsx"), path.join(scratch, "consumer.tsx"))

  const tsc = path.join(root, "node_modules/typescript/bin/tsc")
  const common = ["--noEmit", "--strict", "--jsx", "react-jsx", "--target", "es2020", "--lib", "dom,es2020", "--skipLibCheck", "--types", "react"]
  for (const [label, flags] of [
    ["bundler resolution (Next.js, Vite)", ["--module", "esnext", "--moduleResolution", "bundler"]],
    ["node16 resolution", ["--module", "node16", "--moduleResolution", "node16"]],
  ]) {
    const result = run(process.execPath, [tsc, ...common, ...flags, "consumer.tsx"], { cwd: scratch })
    check(`consumer type-checks against the package, ${label}`, result.status === 0, output(result).slice(0, 1500))
  }

  // the export map at run time, both ways, and a server render (no window at render time)
  const required = run(process.execPath, ["-e", `const m = require("medusa-plugin-coupons/storefront"); console.log(Object.keys(m).sort().join(","))`], { cwd: scratch })
  check("require() resolves the CommonJS build", required.status === 0 && /CouponForm/.test(required.stdout), output(required).slice(0, 400))
  const imported = run(process.execPath, ["--input-type=module", "-e", `const m = await import("medusa-plugin-coupons/storefront"); console.log(typeof m.useCoupons, typeof m.CouponForm)`], { cwd: scratch })
  check("import resolves the ES module build", imported.status === 0 && imported.stdout.trim() === "function function", output(imported).slice(0, 400))
  const css = run(process.execPath, ["-e", `console.log(require.resolve("medusa-plugin-coupons/storefront/styles.css"))`], { cwd: scratch })
  check("styles.css is exported", css.status === 0 && /styles\.css$/.test(css.stdout.trim()), output(css).slice(0, 300))
  const ssr = run(process.execPath, ["-e", `
    const { createElement: h } = require("react")
    const { renderToString } = require("react-dom/server")
    const { CouponsProvider, CouponForm, AppliedCoupons, CouponDiscountLine } = require("medusa-plugin-coupons/storefront")
    const sdk = { client: { fetch: async () => { throw new Error("no requests while rendering") } } }
    console.log(renderToString(h(CouponsProvider, { sdk, cartId: null }, h(CouponForm), h(AppliedCoupons), h(CouponDiscountLine))))
  `], { cwd: scratch })
  check("components render on the server", ssr.status === 0 && /<label[^>]*>Discount code<\/label>/.test(ssr.stdout), output(ssr).slice(0, 400))

  const dist = path.join(installed, "storefront-components/dist")
  const built = readdirSync(dist).filter((file) => /\.(m?js|d\.m?ts)$/.test(file))
  const used = new Set(built.flatMap((file) => [...specifiers(readFileSync(path.join(dist, file), "utf8"))]))
  const forbidden = [...used].filter(isForbidden)
  check("bundle imports no Medusa server code", forbidden.length === 0, forbidden.length ? forbidden.join(", ") : `imports: ${[...used].sort().join(", ")}`)
  const unexpected = [...used].filter((name) => !ALLOWED.includes(name))
  check("bundle imports only react and @medusajs/js-sdk (peer dependencies)", unexpected.length === 0, unexpected.join(", "))
  const entries = ["index.mjs", "index.js"].map((file) => readFileSync(path.join(dist, file), "utf8"))
  check('"use client" opens both builds', entries.every((code) => code.startsWith('"use client";')))
} catch (error) {
  check("storefront package check ran to the end", false, error.message)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

const failed = checks.filter((c) => !c.ok).length
console.log(`${checks.length - failed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
