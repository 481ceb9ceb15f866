// The admin as a new admin walks it, in English and in German (the dashboard's
// `lng` cookie): list → create (one shared code, then generated codes) →
// detail → each drawer by its own URL → back closes it. Every text it looks
// for comes from the screens' own translation files, so a missing German text
// (or an English one left on a German page) fails here. Screenshots go to
// docs/ next to Medusa's own promotion list and detail at the same viewport.
import { readFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { createChecks, launchBrowser } from "./lib/browser.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
const translations = Object.fromEntries(
  ["en", "de"].map((lng) => [lng, JSON.parse(readFileSync(path.join(root, "src/admin/i18n/json", `${lng}.json`), "utf8"))])
)
/** The text of a key ("detail.codes.heading") in a language, with its {{variables}} filled, as the screens show it. */
const text = (lng, key, values = {}) => {
  const value = key.split(".").reduce((node, part) => node?.[part], translations[lng])
  if (typeof value !== "string") throw new Error(`no ${lng} text for ${key}`)
  return value.replace(/{{\s*(\w+)\s*}}/g, (_, name) => String(values[name]))
}
const VIEWPORT = { width: 1440, height: 1000 }
// headings of the detail page that must not stay English on the German page
const DETAIL_HEADINGS = ["detail.conditions.heading", "detail.stats.heading", "detail.redemptions.heading", "detail.history.heading"]

export const runAdminWalkE2E = async ({ base, docs, admin }) => {
  const checks = createChecks("e2e:admin-walk")
  const browser = await launchBrowser()
  const shot = (page, name) => page.screenshot({ path: path.join(docs, name) })
  try {
    for (const lng of ["en", "de"]) {
      const t = (key, values) => text(lng, key, values)
      const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true })
      await context.addCookies([{ name: "lng", value: lng, url: base }])
      const page = await context.newPage()
      const state = {}
      const dialog = page.getByRole("dialog")

      await checks.run(`${lng}: lists the coupons under the sidebar's own entry`, async () => {
        await page.goto(`${base}/app/login`, { waitUntil: "networkidle", timeout: 180_000 })
        await page.fill('input[name="email"]', admin.email)
        await page.fill('input[name="password"]', admin.password)
        await page.click('button[type="submit"]')
        await page.locator('a[href="/app/coupons"]').getByText(t("sidebar.label"), { exact: true }).waitFor({ timeout: 120_000 })
        await page.goto(`${base}/app/coupons`, { waitUntil: "networkidle" })
        await page.getByRole("heading", { name: t("list.heading"), exact: true }).waitFor({ timeout: 60_000 })
        await page.getByPlaceholder(t("list.search")).waitFor()
        await page.getByText("WELCOME10", { exact: true }).waitFor()
        await shot(page, `admin-walk-${lng}-list.png`)
      })

      await checks.run(`${lng}: creates a coupon with one shared code in the create modal of /coupons/create`, async () => {
        await page.getByRole("button", { name: t("common.create"), exact: true }).click()
        await page.waitForURL(/\/app\/coupons\/create$/, { timeout: 10_000 })
        await dialog.getByRole("heading", { name: t("create.title") }).waitFor({ timeout: 10_000 })
        await page.fill("#coupon-name", `Walk ${lng} shared`)
        await page.fill("#coupon-discount_value", "10")
        await page.fill("#coupon-code", `WALK-${lng.toUpperCase()}`)
        await shot(page, `admin-walk-${lng}-create.png`)
        await dialog.getByRole("button", { name: t("create.submit") }).click()
        await page.waitForURL(/\/app\/coupons\/cpn_\w+$/, { timeout: 30_000 })
        state.detail = new URL(page.url()).pathname
      })

      await checks.run(`${lng}: shows the detail page in two columns, every heading in the admin's language`, async () => {
        await page.getByRole("heading", { name: `Walk ${lng} shared` }).waitFor({ timeout: 30_000 })
        for (const key of DETAIL_HEADINGS) {
          await page.getByRole("heading", { name: t(key), exact: true }).waitFor({ timeout: 15_000 })
        }
        if (lng !== "en") {
          const headings = await page.getByRole("heading").allInnerTexts()
          const english = DETAIL_HEADINGS.map((key) => text("en", key)).filter((heading) => headings.includes(heading))
          if (english.length) throw new Error(`English headings on the ${lng} page: ${english.join(", ")}`)
        }
        // the conditions sit beside the general section, not under it
        const general = await page.getByRole("heading", { name: `Walk ${lng} shared` }).boundingBox()
        const conditions = await page.getByRole("heading", { name: t("detail.conditions.heading"), exact: true }).boundingBox()
        if (!(conditions.x > general.x + 400 && Math.abs(conditions.y - general.y) < 40)) {
          throw new Error(`conditions at ${JSON.stringify(conditions)}, general at ${JSON.stringify(general)}`)
        }
        await shot(page, `admin-walk-${lng}-detail.png`)
      })

      await checks.run(
        `${lng}: shows "${t("sidebar.label")} › name" in the top bar, as Medusa's "Promotions › code", and leads back`,
        async () => {
          // the toasts are an <ol> too ("Coupon … created")
          const trail = page
            .locator("ol")
            .filter({ hasText: `Walk ${lng} shared` })
            .filter({ has: page.getByRole("link", { name: t("sidebar.label"), exact: true }) })
          await trail.waitFor({ timeout: 15_000 })
          const words = (await trail.innerText()).split(/\s+/).filter(Boolean).join(" ")
          if (words !== `${t("sidebar.label")} Walk ${lng} shared`) throw new Error(`the top bar's trail reads "${words}"`)
          await trail.getByRole("link", { name: t("sidebar.label"), exact: true }).click()
          await page.waitForURL((url) => url.pathname === "/app/coupons", { timeout: 10_000 })
          await page.getByRole("heading", { name: t("list.heading"), exact: true }).waitFor({ timeout: 15_000 })
        }
      )

      /** Opens a drawer the way an admin does, checks its URL and title, then the back button closes it. */
      const drawer = async (name, open, titleKey) => {
        await checks.run(`${lng}: opens the ${name} drawer at /coupons/:id/${name} and the back button closes it`, async () => {
          await page.goto(`${base}/app${state.detail.replace(/^\/app/, "")}`, { waitUntil: "networkidle" })
          await open()
          await page.waitForURL((url) => url.pathname.endsWith(`${state.detail}/${name}`), { timeout: 10_000 })
          await dialog.getByText(t(titleKey), { exact: true }).first().waitFor({ timeout: 10_000 })
          await page.waitForTimeout(400)
          await shot(page, `admin-walk-${lng}-${name}.png`)
          await page.goBack()
          await page.waitForURL((url) => url.pathname === state.detail, { timeout: 10_000 })
          await dialog.waitFor({ state: "detached", timeout: 10_000 })
          // and the URL alone opens it again (a link an admin can share)
          await page.goto(`${base}${state.detail}/${name}`, { waitUntil: "networkidle" })
          await dialog.getByText(t(titleKey), { exact: true }).first().waitFor({ timeout: 10_000 })
        })
      }
      await drawer(
        "edit",
        async () => {
          await page
            .getByRole("button", { name: t("common.actions"), exact: true })
            .first()
            .click()
          await page.getByRole("menuitem", { name: t("detail.general.edit") }).click()
        },
        "edit.title"
      )
      await drawer(
        "generate",
        () => page.getByRole("link", { name: t("detail.batches.generate"), exact: true }).click(),
        "detail.generate.title"
      )
      await drawer(
        "import",
        async () => {
          await page.getByRole("button", { name: t("detail.codes.actions"), exact: true }).click()
          await page.getByRole("menuitem", { name: t("detail.codes.import") }).click()
        },
        "detail.import.title"
      )
      await drawer(
        "distribute",
        () => page.getByRole("link", { name: t("detail.distribute.title"), exact: true }).click(),
        "detail.distribute.title"
      )

      await checks.run(`${lng}: imports codes in the import drawer, all or nothing`, async () => {
        await page.goto(`${base}${state.detail}/import`, { waitUntil: "networkidle" })
        const csv = (codes) => ({ name: "codes.csv", mimeType: "text/csv", buffer: Buffer.from(`code\n${codes.join("\n")}\n`) })
        // the coupon's own code again: the whole file is refused, the bad line named, the drawer stays open
        const shared = `WALK-${lng.toUpperCase()}`
        await page.setInputFiles("#import-file", csv([`${shared}-A`, shared]))
        await dialog.getByText("codes.csv").waitFor()
        await dialog.getByRole("button", { name: t("detail.import.submit"), exact: true }).click()
        await dialog
          .getByRole("list", { name: t("detail.import.errors") })
          .getByText(new RegExp(shared))
          .waitFor({ timeout: 15_000 })
        await dialog
          .getByRole("alert")
          .getByText(t("detail.import.refused_one", { count: 1 }))
          .waitFor()
        await page.setInputFiles("#import-file", csv([`${shared}-A`, `${shared}-B`]))
        await dialog.getByRole("button", { name: t("detail.import.submit"), exact: true }).click()
        await page.waitForURL((url) => url.pathname === state.detail, { timeout: 15_000 })
        await dialog.waitFor({ state: "detached", timeout: 10_000 })
        await page
          .getByRole("heading", { name: t("detail.codes.heading") })
          .getByText("(3)")
          .waitFor({ timeout: 15_000 })
        await page.getByText(`${shared}-B`, { exact: true }).waitFor()
      })

      await checks.run(`${lng}: creates a coupon with generated codes and watches them made`, async () => {
        await page.goto(`${base}/app/coupons/create`, { waitUntil: "networkidle" })
        await dialog.getByRole("heading", { name: t("create.title") }).waitFor({ timeout: 10_000 })
        await page.fill("#coupon-name", `Walk ${lng} generated`)
        await page.fill("#coupon-discount_value", "5")
        await page.getByText(t("create.generateCodes"), { exact: true }).click()
        await page.fill("#coupon-generate_count", "200")
        await page.fill("#coupon-generate_pattern", `W${lng.toUpperCase()}-**********`)
        await dialog.getByRole("button", { name: t("create.submit") }).click()
        await page.waitForURL(/\/app\/coupons\/cpn_\w+$/, { timeout: 30_000 })
        await page.locator('[role="progressbar"][aria-valuenow="100"]').waitFor({ timeout: 120_000 })
        await page
          .getByRole("heading", { name: t("detail.codes.heading") })
          .getByText(/200/)
          .waitFor({ timeout: 30_000 })
        await shot(page, `admin-walk-${lng}-generated.png`)
      })
      await context.close()
    }

    await checks.run("takes Medusa's own promotion list and detail at the same viewport", async () => {
      const context = await browser.newContext({ viewport: VIEWPORT })
      await context.addCookies([{ name: "lng", value: "en", url: base }])
      const page = await context.newPage()
      await page.goto(`${base}/app/login`, { waitUntil: "networkidle", timeout: 180_000 })
      await page.fill('input[name="email"]', admin.email)
      await page.fill('input[name="password"]', admin.password)
      await page.click('button[type="submit"]')
      await page.waitForSelector('a[href="/app/coupons"]', { timeout: 120_000 })
      const created = await page.request.post(`${base}/admin/promotions`, {
        data: {
          code: "MEDUSA-NATIVE10",
          type: "standard",
          status: "active",
          application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10, currency_code: "usd" },
        },
      })
      const body = await created.json()
      if (!created.ok()) throw new Error(`create promotion: ${created.status()} ${JSON.stringify(body)}`)
      await page.goto(`${base}/app/promotions`, { waitUntil: "networkidle" })
      await page.getByText("MEDUSA-NATIVE10").waitFor({ timeout: 30_000 })
      await shot(page, "medusa-promotion-list.png")
      await page.goto(`${base}/app/promotions/${body.promotion.id}`, { waitUntil: "networkidle" })
      await page.getByText("MEDUSA-NATIVE10").first().waitFor({ timeout: 30_000 })
      await shot(page, "medusa-promotion-detail.png")
      await context.close()
    })
  } finally {
    await browser.close()
  }
  return checks.summary()
}
