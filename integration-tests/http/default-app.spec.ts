import { readdirSync } from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { HttpSuite } from "./fixtures/http-suite"

/*
 * Every `*.suite.ts` of this folder runs here, in one app booted once on the
 * repository's default configuration: a boot with its migrations and link sync
 * costs 15–25 s on a 2-core machine, once per file before. Spec files that need
 * other plugin options (hashed codes, uniform refusals, small rate limits, a
 * merchant rule, automatic promotions that do not combine) stay `*.spec.ts` with
 * an app of their own. `HTTP_SUITES=store-cart-coupons,admin-coupons` runs only
 * the suites named.
 */
jest.setTimeout(300_000)

const only = (process.env.HTTP_SUITES ?? "")
  .split(",")
  .map((name) => name.trim())
  .filter(Boolean)
const found = readdirSync(__dirname)
  .filter((file) => file.endsWith(".suite.ts"))
  .map((file) => file.slice(0, -".suite.ts".length))
  .sort()
const unknown = only.filter((name) => !found.includes(name))
if (unknown.length) {
  throw new Error(`HTTP_SUITES names no suite file: ${unknown.join(", ")} (known: ${found.join(", ")})`)
}
const suites = only.length ? found.filter((name) => only.includes(name)) : found

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: (options) => {
    for (const name of suites) {
      describe(name, () => {
        // loaded here, not imported, so the folder's suites are found without a list to keep
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const suite = require(path.join(__dirname, `${name}.suite.ts`)).default as HttpSuite
        suite(options)
      })
    }
  },
})
