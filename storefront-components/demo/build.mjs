#!/usr/bin/env node
// Bundles the demo page with esbuild. The store comes in at build time:
//
//   MEDUSA_BACKEND_URL=http://localhost:9000 MEDUSA_PUBLISHABLE_KEY=pk_... \
//     node storefront-components/demo/build.mjs [--serve]
//
// Without --serve it writes storefront-components/demo/dist; with it, it serves
// the page on http://localhost:8000 (DEMO_PORT), a port the dev store's CORS allows.
// The browser test imports serveDemo() and serves from a scratch directory.
import { copyFileSync, mkdirSync } from "node:fs"
import path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import * as esbuild from "esbuild"

const here = path.dirname(fileURLToPath(import.meta.url))

const prepare = ({ backendUrl, publishableKey, outdir }) => {
  mkdirSync(outdir, { recursive: true })
  copyFileSync(path.join(here, "index.html"), path.join(outdir, "index.html"))
  copyFileSync(path.join(here, "..", "styles.css"), path.join(outdir, "styles.css"))
  return {
    entryPoints: [path.join(here, "main.tsx")],
    outfile: path.join(outdir, "main.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    jsx: "automatic",
    define: {
      "process.env.NODE_ENV": '"development"',
      __MEDUSA_BACKEND_URL__: JSON.stringify(backendUrl),
      __MEDUSA_PUBLISHABLE_KEY__: JSON.stringify(publishableKey ?? ""),
    },
    logLevel: "warning",
  }
}

/** Writes index.html, styles.css and main.js to `outdir`. */
export const buildDemo = async ({ backendUrl, publishableKey, outdir = path.join(here, "dist") }) => {
  await esbuild.build(prepare({ backendUrl, publishableKey, outdir }))
  return outdir
}

/** Serves the page (main.js from memory) on `port`: `{ url, stop }`. */
export const serveDemo = async ({ backendUrl, publishableKey, outdir = path.join(here, "dist"), port = 8000 }) => {
  const context = await esbuild.context(prepare({ backendUrl, publishableKey, outdir }))
  try {
    const served = await context.serve({ servedir: outdir, port })
    return { url: `http://localhost:${served.port}/`, stop: () => context.dispose() }
  } catch (error) {
    await context.dispose()
    throw error
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const backendUrl = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
  const publishableKey = process.env.MEDUSA_PUBLISHABLE_KEY || ""
  if (!publishableKey) {
    console.warn("demo: MEDUSA_PUBLISHABLE_KEY is not set; the store API will refuse the page's requests")
  }
  if (process.argv.includes("--serve")) {
    const { url } = await serveDemo({ backendUrl, publishableKey, port: Number(process.env.DEMO_PORT || 8000) })
    console.log(`demo: ${url} (store ${backendUrl})`)
  } else {
    console.log(`demo: wrote ${await buildDemo({ backendUrl, publishableKey })} (store ${backendUrl})`)
  }
}
