#!/usr/bin/env node
// Bundles the demo page into storefront-components/demo/dist with esbuild.
// `--serve` serves it on http://localhost:8000 (a port the dev store's CORS allows).
import { copyFileSync, mkdirSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import * as esbuild from "esbuild"

const here = path.dirname(fileURLToPath(import.meta.url))
const outdir = path.join(here, "dist")
mkdirSync(outdir, { recursive: true })
copyFileSync(path.join(here, "index.html"), path.join(outdir, "index.html"))
copyFileSync(path.join(here, "..", "styles.css"), path.join(outdir, "styles.css"))

const options = {
  entryPoints: [path.join(here, "main.tsx")],
  outfile: path.join(outdir, "main.js"),
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2020",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"development"' },
  logLevel: "info",
}

if (process.argv.includes("--serve")) {
  const context = await esbuild.context(options)
  const port = Number(process.env.DEMO_PORT || 8000)
  await context.serve({ servedir: outdir, port })
  console.log(`demo: http://localhost:${port}/?backend=http://localhost:9000&key=pk_...`)
} else {
  await esbuild.build(options)
}
