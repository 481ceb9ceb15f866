// Dates through the admin forms in browsers set to other time zones: the
// date-time picker (@medusajs/ui's DatePicker) holds local wall-clock time, the
// API holds UTC. The create form and the edit drawer must convert both ways, so
// that saving without touching the date keeps `ends_at` exactly as it was.
// Then the screens in German (the dashboard's `lng` cookie).
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

// The picker's segments in the dashboard's English ("en": month/day/year,
// hour:minute AM/PM), each a spinbutton inside the group that carries the id.
const segmentsOf = (page, selector) => page.locator(`${selector} [role="spinbutton"]`)

/** Types "2027-07-04T09:30" into the picker, segment by segment, as a merchant would. */
const fillDateTime = async (page, selector, value) => {
  const [, year, month, day, hours, minutes] = value.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/)
  const hour = Number(hours) % 12 || 12
  const typed = [month, day, year, String(hour).padStart(2, "0"), minutes, Number(hours) < 12 ? "A" : "P"]
  const segments = segmentsOf(page, selector)
  expectEqual(await segments.count(), typed.length, `the segments of ${selector}`)
  for (const [index, keys] of typed.entries()) {
    await segments.nth(index).click()
    await page.keyboard.type(keys)
  }
}

/** What the picker shows, back as "2027-07-04T09:30". */
const readDateTime = async (page, selector) => {
  const [month, day, year, hour, minutes, period] = (await segmentsOf(page, selector).allInnerTexts()).map((text) => text.trim())
  const hours = (Number(hour) % 12) + (period.toUpperCase() === "PM" ? 12 : 0)
  const pad = (number) => String(number).padStart(2, "0")
  return `${year}-${pad(month)}-${pad(day)}T${pad(hours)}:${pad(minutes)}`
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
          await fillDateTime(page, "#coupon-ends_at", TYPED_CREATE)
          expectEqual(await readDateTime(page, "#coupon-ends_at"), TYPED_CREATE, "the create form's end field")
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
          expectEqual(await readDateTime(page, "#edit-ends_at"), TYPED_CREATE, "the drawer's end field")
          await page.getByRole("button", { name: "Cancel" }).click()
          await page.getByRole("heading", { name: "Edit coupon" }).waitFor({ state: "detached", timeout: 10_000 })
        })

        await checks.run(`${zone.timezoneId}: a date set in the edit drawer is stored as that local time`, async () => {
          await openDrawer()
          await fillDateTime(page, "#edit-ends_at", TYPED_EDIT)
          // what the picker shows before saving: a wrong save is then the form's, not the typing's
          expectEqual(await readDateTime(page, "#edit-ends_at"), TYPED_EDIT, "the drawer's end field before saving")
          await save()
          expectEqual(await storedEndsAt(state.couponId), zone.edited, "ends_at after editing")
          await openDrawer()
          expectEqual(await readDateTime(page, "#edit-ends_at"), TYPED_EDIT, "the drawer's end field after editing")
          await page.getByRole("button", { name: "Cancel" }).click()
        })
      } finally {
        await context.close()
      }
    }

    // the dashboard reads its language from the `lng` cookie; the coupon screens follow it
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
    await context.addCookies([{ name: "lng", value: "de", url: base }])
    const page = await context.newPage()
    try {
      await checks.run("German: the list and the create form speak the admin's language", async () => {
        await page.goto(`${base}/app/login`, { waitUntil: "networkidle", timeout: 180_000 })
        await page.fill('input[name="email"]', admin.email)
        await page.fill('input[name="password"]', admin.password)
        await page.click('button[type="submit"]')
        await page.waitForSelector('a[href="/app/coupons"], a[href$="/coupons"]', { timeout: 120_000 })
        // the sidebar entry, a key of the plugin's namespace
        await page.getByRole("link", { name: "Gutscheine" }).first().waitFor({ timeout: 10_000 })
        await page.goto(`${base}/app/coupons`, { waitUntil: "networkidle" })
        await page.getByRole("heading", { name: "Gutscheine" }).waitFor({ timeout: 30_000 })
        await page.getByPlaceholder("Name oder Code suchen").waitFor()
        // Intl's German percentage, with its space: "10 % Rabatt"
        await page
          .getByText(/^10\s%\sRabatt$/)
          .first()
          .waitFor({ timeout: 30_000 })
        await page.screenshot({ path: path.join(docs, "admin-coupon-list-de.png") })
        await page.goto(`${base}/app/coupons/create`, { waitUntil: "networkidle" })
        await page.getByRole("heading", { name: "Gutschein erstellen" }).waitFor({ timeout: 30_000 })
        await page.getByText("Rabattart", { exact: true }).waitFor()
        await page.getByRole("button", { name: "Gutschein erstellen" }).waitFor()
        // the picker's segments in German order: day.month.year, 24-hour clock
        const segments = segmentsOf(page, "#coupon-ends_at")
        for (const [index, keys] of ["04", "07", "2027", "09", "30"].entries()) {
          await segments.nth(index).click()
          await page.keyboard.type(keys)
        }
        const shown = (await segmentsOf(page, "#coupon-ends_at").allInnerTexts()).join(" ")
        if (!/^0?4 0?7 2027 0?9 30$/.test(shown.trim())) {
          await page.screenshot({ path: path.join(docs, "admin-coupon-create-de.png"), fullPage: true })
          throw new Error(`the German date picker shows ${shown}`)
        }
        await page.screenshot({ path: path.join(docs, "admin-coupon-create-de.png") })
      })
    } finally {
      await context.close()
    }
  } finally {
    await browser.close()
  }
  return checks.summary()
}
