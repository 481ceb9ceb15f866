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

/** Collects named checks and prints the closing tally the test runner reads. */
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
      console.log(`${results.length - failed} passed, ${failed} failed`)
      return failed
    },
  }
}
