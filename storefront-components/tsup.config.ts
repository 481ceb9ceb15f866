import { copyFileSync } from "node:fs"
import { defineConfig, type Options } from "tsup"

// run from this folder (`npm run build`): one bundle per entry, no shared
// chunks, so the "use client" directive opens exactly the client entry
const shared: Options = {
  outDir: "dist",
  format: ["esm", "cjs"],
  outExtension: ({ format }) => ({ js: format === "esm" ? ".mjs" : ".js" }),
  dts: true,
  tsconfig: "tsconfig.build.json",
  target: "es2019",
  // the host storefront brings its own React and SDK
  external: ["react", "react/jsx-runtime", "@medusajs/js-sdk"],
  splitting: false,
}

export default defineConfig([
  // every export is a hook or an interactive component (Next.js App Router)
  { ...shared, entry: { index: "index.ts" }, platform: "browser", banner: { js: '"use client";' } },
  // pure helpers and types: importable from Server Components
  { ...shared, entry: { core: "core.ts" }, platform: "neutral" },
  // the server-action factory
  {
    ...shared,
    entry: { next: "next.ts" },
    platform: "node",
    onSuccess: async () => {
      copyFileSync("styles.css", "dist/styles.css")
    },
  },
])
