import { copyFileSync } from "node:fs"
import { defineConfig } from "tsup"

// run from the package root: `tsup --config storefront-components/tsup.config.ts`
export default defineConfig({
  entry: { index: "storefront-components/index.ts" },
  outDir: "storefront-components/dist",
  format: ["esm", "cjs"],
  outExtension: ({ format }) => ({ js: format === "esm" ? ".mjs" : ".js" }),
  dts: true,
  tsconfig: "storefront-components/tsconfig.build.json",
  target: "es2019",
  platform: "browser",
  clean: true,
  // the host storefront brings its own React and SDK
  external: ["react", "react/jsx-runtime", "@medusajs/js-sdk"],
  // every export is a hook or an interactive component (Next.js App Router)
  banner: { js: '"use client";' },
  onSuccess: async () => {
    copyFileSync("storefront-components/styles.css", "storefront-components/dist/styles.css")
  },
})
