// Dates through the admin forms in browsers set to other time zones: a
// datetime-local input holds local wall-clock time, the API holds UTC. The
// create form and the edit drawer must convert both ways, so that saving
// without touching the date keeps `ends_at` exactly as it was.
import path from "node:path"
import { createChecks, launchBrowser, chooseAction } from "./lib/browser.mjs"

// the same wall-clock time typed in each zone, and the instant it is there
const ZONES = [
  { timezoneId: "America/New_York", code: "E2E-DATES-NY", created: "2027-07-04T13:30:00.000Z", edited: "2027-12-24T23:15:00.000Z" },
  { timezoneId: "Asia/Tokyo", code: "E2E-DATES-TOKYO", created: "2027-07-04T00:30:00.000Z", edited: "2027-12-24T09:15:00.000Z" },
]
const TYPED_CREATE = "2027-07-04T09:30"
const TYPED_EDIT = "2027-12-24T18:15"

const expectEqual = (actual, expected, what) => {
  if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`)
}

export const runAdminDatesE2E = async ({ base, docs, admin }) => {
  const checks = createChecks("e2e:admin-dates")
  const browser = await launchBrowser()
  try {
    for (const zone of ZONES) {
      const context = await browser.newContext({ timezoneId: zone.timezoneId, viewport: { width: 1440, height: 1000 } })
      const page = await context.newPage()
      const storedEndsAt = async (couponId) => {
        const response = await context.request.get(`${base}/admin/coupons/${couponId}`)
        if (!response.ok()) throw new Error(`GET /admin/coupons/${couponId} answered ${response.status()}`)
        return (await response.json()).coupon.ends_at
      }
      const openDrawer = async () => {
        // a drawer left open by a failed check is closed first
        if (await page.getByRole("heading", { name: "Edit coupon" }).isVisible()) await page.keyboard.press("Escape")
        await chooseAction(page, "Edit")
        await page.getByRole("heading", { name: "Edit coupon" }).waitFor({ timeout: 10_000 })
      }
      const save = async () => {
        await page.getByRole("button", { name: "Save" }).click()
        await page.getByText("Coupon updated").last().waitFor({ timeout: 15_000 })
        await page.getByRole("heading", { name: "Edit coupon" }).waitFor({ state: "detached", timeout: 10_000 })
      }
      const state = {}
      try {
        await checks.run(`${zone.timezoneId}: logs in`, async () => {
          await page.goto(`${base}/app/login`, { waitUntil: "networkidle", timeout: 180_000 })
          await page.fill('input[name="email"]', admin.email)
          await page.fill('input[name="password"]', admin.password)
          await page.click('button[type="submit"]')
          await page.waitForSelector('a[href="/app/coupons"], a[href$="/coupons"]', { timeout: 120_000 })
          expectEqual(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), zone.timezoneId, "browser time zone")
        })

        await checks.run(`${zone.timezoneId}: the create form stores the typed end as local time`, async () => {
          await page.goto(`${base}/app/coupons/create`, { waitUntil: "networkidle" })
          await page.getByRole("heading", { name: "Create coupon" }).waitFor()
          await page.fill("#coupon-name", `E2E dates ${zone.timezoneId}`)
          await page.fill("#coupon-discount_value", "10")
          await page.getByLabel("Default Sales Channel").click()
          await page.fill("#coupon-code", `${zone.code}-${Date.now().toString(36).toUpperCase()}`)
          await page.fill("#coupon-ends_at", TYPED_CREATE)
          await page.getByRole("button", { name: "Create coupon" }).click()
          await page.waitForURL(/\/app\/coupons\/cpn_/, { timeout: 30_000 }).catch(async (error) => {
            await page.screenshot({
              path: path.join(docs, `admin-dates-create-failed-${zone.timezoneId.replace("/", "-")}.png`),
              fullPage: true,
            })
            const shown = await page.locator('[role="alert"], .text-ui-fg-error').allInnerTexts()
            throw new Error(`${error.message.split("\n")[0]}; the form shows: ${shown.join(" | ") || "no error"}`)
          })
          state.couponId = page.url().match(/(cpn_[A-Za-z0-9]+)/)[1]
          expectEqual(await storedEndsAt(state.couponId), zone.created, "ends_at after create")
        })

        await checks.run(`${zone.timezoneId}: two saves of the edit drawer keep ends_at`, async () => {
          await openDrawer()
          await page.screenshot({ path: path.join(docs, `admin-coupon-edit-dates-${zone.timezoneId.replace("/", "-")}.png`) })
          await save()
          expectEqual(await storedEndsAt(state.couponId), zone.created, "ends_at after the first save")
          await openDrawer()
          await save()
          expectEqual(await storedEndsAt(state.couponId), zone.created, "ends_at after the second save")
          // and the drawer shows the end in the browser's own time
          await openDrawer()
          expectEqual(await page.inputValue("#edit-ends_at"), TYPED_CREATE, "the drawer's end field")
          await page.getByRole("button", { name: "Cancel" }).click()
          await page.getByRole("heading", { name: "Edit coupon" }).waitFor({ state: "detached", timeout: 10_000 })
        })

        await checks.run(`${zone.timezoneId}: a date set in the edit drawer is stored as that local time`, async () => {
          await openDrawer()
          await page.fill("#edit-ends_at", TYPED_EDIT)
          await save()
          expectEqual(await storedEndsAt(state.couponId), zone.edited, "ends_at after editing")
          await openDrawer()
          expectEqual(await page.inputValue("#edit-ends_at"), TYPED_EDIT, "the drawer's end field after editing")
          await page.getByRole("button", { name: "Cancel" }).click()
        })
      } finally {
        await context.close()
      }
    }
  } finally {
    await browser.close()
  }
  return checks.summary()
}
