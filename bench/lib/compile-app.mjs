#!/usr/bin/env node
// Transpiles the app (medusa-config.ts and the server code under src/) to
// JavaScript in .medusa/bench-app, as `medusa build` does for `medusa start`,
// so that a bench can boot the app without a TypeScript hook in its process.
// Run as a child process: the compiler's memory is never the bench's.
// Usage: node bench/lib/compile-app.mjs → prints the output directory.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import swc from "@swc/core"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
// inside the repository, so that the compiled files resolve node_modules
const outDir = path.join(root, ".medusa", "bench-app")

const options = (filename) => ({
  filename,
  sourceMaps: false,
  jsc: {
    target: "es2021",
    parser: { syntax: "typescript", decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
  },
  module: { type: "commonjs" },
})

// the dashboard extensions are bundled by the admin build, never required by the server
const skipped = (relative) => relative.startsWith(path.join("src", "admin")) || relative.includes("__tests__")

const sources = (directory) =>
  fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name)
    return entry.isDirectory() ? sources(full) : [full]
  })

fs.rmSync(outDir, { recursive: true, force: true })
for (const file of [path.join(root, "medusa-config.ts"), ...sources(path.join(root, "src"))]) {
  const relative = path.relative(root, file)
  if (skipped(relative)) {
    continue
  }
  const target = path.join(outDir, relative.replace(/\.ts$/, ".js"))
  fs.mkdirSync(path.dirname(target), { recursive: true })
  if (file.endsWith(".ts")) {
    fs.writeFileSync(target, swc.transformSync(fs.readFileSync(file, "utf8"), options(file)).code)
  } else {
    fs.copyFileSync(file, target)
  }
}
fs.copyFileSync(path.join(root, "package.json"), path.join(outDir, "package.json"))
console.log(outDir)
