// Debian's chromium driven by playwright-core, with the flags this machine needs.
import { chromium } from "playwright-core"

export const launchBrowser = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  })

/**
 * Collects named checks. `summary()` prints the suite's own tally and returns
 * `{ passed, failed }`; scripts/test-e2e.mjs adds the suites up and prints the
 * one closing "N passed, N failed" line the test runner reads.
 */
export const createChecks = (prefix) => {
  const results = []
  return {
    async run(name, fn) {
      const started = Date.now()
      try {
        await fn()
        results.push({ name, ok: true })
        console.log(`[${prefix}] ✓ ${name} (${Date.now() - started} ms)`)
      } catch (error) {
        results.push({ name, ok: false })
        console.log(`[${prefix}] ✗ ${name}: ${error.message.split("\n")[0]}`)
      }
    },
    summary() {
      const failed = results.filter((r) => !r.ok).length
      const passed = results.length - failed
      console.log(`[${prefix}] ${passed} of ${results.length} checks passed`)
      return { passed, failed }
    },
  }
}

/** Picks an action from a page's "…" menu (admin/components/action-menu.tsx). */
export const chooseAction = async (page, name) => {
  await page.getByRole("button", { name: "Actions" }).first().click()
  await page.getByRole("menuitem", { name }).click()
}
