#!/usr/bin/env node
// The JavaScript a cart page gets from this package: a typical cart-page
// import bundled from the built client entry with esbuild (minified; React
// and the SDK are the page's own), then gzipped. Prints the figure and fails
// over the budget. Run after the build (`npm run build`).
import { build } from "esbuild"
import { existsSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

export const BUDGET_BYTES = 10 * 1024
const here = path.dirname(fileURLToPath(import.meta.url))
const entry = path.resolve(here, "../dist/index.mjs")

/** The gzip size of the cart page's import, in bytes. */
export const measureCartPage = async () => {
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run the build first`)
  }
  const result = await build({
    stdin: {
      contents: `export { CartCoupons, CouponDiscountLine, useCouponFromUrl } from ${JSON.stringify(entry)}`,
      resolveDir: here,
      loader: "js",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    external: ["react", "react-dom", "react/jsx-runtime", "@medusajs/js-sdk"],
    logLevel: "silent",
  })
  const code = result.outputFiles[0].contents
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { minified, gzip } = await measureCartPage()
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`
  const ok = gzip <= BUDGET_BYTES
  console.log(
    `cart-page JavaScript (CartCoupons, CouponDiscountLine, useCouponFromUrl): ${kb(minified)} minified, ${kb(gzip)} gzip (budget ${kb(BUDGET_BYTES)})`
  )
  process.exit(ok ? 0 : 1)
}
