// Admin dashboard in a real browser against the running dev app with its
// seeded admin: list, create with 1,000 generated codes and watch the
// progress reach 100%, disable a code, export CSV, stats after a seeded
// order, the order widget. Screenshots go to docs/.
import { readFile } from "node:fs/promises"
import path from "node:path"
import { createChecks, launchBrowser, chooseAction } from "./lib/browser.mjs"
import { placeOrderWithCoupon } from "./lib/store-order.mjs"

export const runAdminE2E = async ({ base, publishableKey, docs, admin }) => {
  const checks = createChecks("e2e:admin")
  const order = await placeOrderWithCoupon({ base, publishableKey, code: "WELCOME10" })
  const browser = await launchBrowser()
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true })
  const shot = (name) => page.screenshot({ path: path.join(docs, name), fullPage: true })
  const state = {}

  try {
    await checks.run("logs in with the seeded admin", async () => {
      await page.goto(`${base}/app/login`, { waitUntil: "networkidle", timeout: 180_000 })
      await page.fill('input[name="email"]', admin.email)
      await page.fill('input[name="password"]', admin.password)
      await page.click('button[type="submit"]')
      await page.waitForSelector('a[href="/app/coupons"], a[href$="/coupons"]', { timeout: 120_000 })
    })

    await checks.run("lists the seeded coupons", async () => {
      await page.goto(`${base}/app/coupons`, { waitUntil: "networkidle" })
      await page.getByText("Welcome 10 %").waitFor({ timeout: 60_000 })
      await page.getByText("Spring giveaway").waitFor()
      await shot("admin-coupon-list.png")
    })

    await checks.run("searches the list through the URL", async () => {
      await page.getByPlaceholder("Search name or code").fill("welcome")
      await page.waitForURL(/q=welcome/, { timeout: 10_000 })
      await page.getByText("Spring giveaway").waitFor({ state: "detached", timeout: 10_000 })
      await page.getByText("Welcome 10 %").waitFor()
    })

    await checks.run("shows the API's field errors in the create form", async () => {
      await page.goto(`${base}/app/coupons/create`, { waitUntil: "networkidle" })
      await page.getByRole("heading", { name: "Create coupon" }).waitFor()
      await page.fill("#coupon-discount_value", "150")
      await page.getByRole("button", { name: "Create coupon" }).click()
      await page.getByText("name is required").waitFor({ timeout: 10_000 })
      await page.getByText("discount_value of a percentage must be above 0 and at most 100").waitFor()
    })

    await checks.run("creates a coupon with 1,000 generated codes and watches the batch reach 100%", async () => {
      await page.fill("#coupon-name", "E2E autumn sale")
      await page.fill("#coupon-discount_value", "15")
      await page.getByLabel("Default Sales Channel").click()
      await page.locator("#coupon-sales_channel_ids").getByText("1 selected").waitFor()
      await page.getByText("Generate unique codes").click()
      await page.fill("#coupon-generate_count", "1000")
      await page.fill("#coupon-generate_pattern", "AUTUMN-##########")
      await page.getByText(/A random guess hits a live code 1 in/).waitFor()
      await shot("admin-coupon-create.png")
      await page.getByRole("button", { name: "Create coupon" }).click()
      await page.waitForURL(/\/app\/coupons\/cpn_/, { timeout: 30_000 })
      state.couponUrl = page.url()
      await page.getByText("1 selected").waitFor({ timeout: 30_000 })
      await page.locator('[role="progressbar"][aria-valuenow="100"]').waitFor({ timeout: 120_000 })
      await page
        .getByText(/1,000|1000/)
        .first()
        .waitFor()
    })

    await checks.run("disables one code from its row's menu", async () => {
      const row = page.locator("tbody tr", { hasText: "AUTUMN-" }).first()
      const code = (await row.locator("td").first().innerText()).trim()
      await row.getByRole("button", { name: `Actions for ${code}` }).click()
      await page.getByRole("menuitem", { name: "Disable" }).click()
      await page.locator("tbody tr", { hasText: code }).getByText("Disabled").waitFor({ timeout: 15_000 })
    })

    await checks.run("exports the codes as CSV", async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 60_000 }),
        (async () => {
          await page.getByRole("button", { name: "Code actions" }).click()
          await page.getByRole("menuitem", { name: "Export CSV" }).click()
        })(),
      ])
      const csv = await readFile(await download.path(), "utf8")
      const lines = csv.trim().split(/\r?\n/)
      if (!lines[0].startsWith("code")) throw new Error(`header is ${lines[0]}`)
      if (lines.length !== 1001) throw new Error(`expected 1000 codes, got ${lines.length - 1}`)
      if (!/^AUTUMN-\d{10}/.test(lines[1])) throw new Error(`first code ${lines[1]}`)
    })

    await checks.run("sends codes to a list of emails from the detail page", async () => {
      await page.goto(state.couponUrl, { waitUntil: "networkidle" })
      await page.getByRole("heading", { name: "Distributions" }).waitFor({ timeout: 30_000 })
      await page.getByText("No codes sent yet.").waitFor()
      // the form is a drawer of its own URL
      await page.getByRole("link", { name: "Send codes" }).click()
      await page.waitForURL(/\/distribute$/, { timeout: 10_000 })
      await page.fill("#distribution-emails", "ana@example.com\nbo@example.com, cy@example.com")
      await page.getByText("3 addresses; one code each").waitFor()
      await page.fill("#distribution-valid-for-days", "14")
      await page.getByRole("button", { name: "Send codes" }).click()
      await page.getByText("Sent 3 codes").waitFor({ timeout: 30_000 })
      // sending closes the drawer and returns to the detail page
      await page.waitForURL((url) => url.pathname === new URL(state.couponUrl).pathname, { timeout: 10_000 })
      const row = page.locator("tbody tr", { hasText: "3 emails" }).first()
      await row.waitFor({ timeout: 15_000 })
      await row.getByText("14 days from sending").waitFor()
      // each code sent expires 14 days from now
      const { codes } = await (
        await page.request.get(
          `${base}${new URL(state.couponUrl).pathname.replace("/app", "/admin")}/codes?assigned=true&fields=expires_at`
        )
      ).json()
      const days = codes.map((code) => Math.round((Date.parse(code.expires_at) - Date.now()) / 86_400_000))
      if (codes.length !== 3 || days.some((day) => day !== 14)) throw new Error(`sent codes expire in ${days.join(", ")} days`)
      await page.getByRole("heading", { name: "Distributions" }).scrollIntoViewIfNeeded()
      await shot("admin-coupon-distributions.png")
    })

    await checks.run("creates a buy X get Y coupon with conditions in the create form", async () => {
      await page.goto(`${base}/app/coupons/create`, { waitUntil: "networkidle" })
      await page.getByRole("heading", { name: "Create coupon" }).waitFor()
      await page.fill("#coupon-name", "E2E tees 3 for 2")
      await page.locator("#coupon-discount_type").click()
      await page.getByRole("option", { name: "Buy X get Y" }).click()
      await page.getByText("Percent off the items they get").waitFor()
      await page.fill("#coupon-discount_value", "100")
      await page.fill("#coupon-buy_quantity", "2")
      await page.fill("#coupon-get_quantity", "1")
      // the buy lines are required: the shared rules say so before anything is sent
      await page.getByRole("button", { name: "Create coupon" }).click()
      await page.getByText("buy_targets must name the lines to buy for buy X get Y").waitFor({ timeout: 10_000 })
      await page.locator("#coupon-buy_ids").getByText("Medusa T-Shirt").click()
      await page.locator("#coupon-target_kind").click()
      await page.getByRole("option", { name: "Products" }).click()
      await page.locator("#coupon-target_ids").getByText("Medusa T-Shirt").click()
      await page.getByText("First order only").click()
      await page.fill("#coupon-budget_amount", "500")
      await page.fill("#coupon-code", "E2E-TEES")
      await page.getByRole("heading", { name: "Conditions" }).scrollIntoViewIfNeeded()
      await shot("admin-coupon-conditions.png")
      await page.getByRole("button", { name: "Create coupon" }).click()
      await page.waitForURL(/\/app\/coupons\/cpn_/, { timeout: 30_000 })
      await page.getByText("Buy 2, get 1 free").first().waitFor({ timeout: 30_000 })
      await page.getByText("first order only").waitFor()
      await page.getByText(/\$500\.00/).waitFor()
    })

    await checks.run("edits the conditions in the edit drawer", async () => {
      await chooseAction(page, "Edit")
      await page.getByRole("dialog").getByRole("heading", { name: "Conditions" }).waitFor({ timeout: 10_000 })
      await page.getByText("Logged-in customers only").click()
      await page.fill("#edit-min_quantity", "3")
      await page.getByRole("button", { name: "Save" }).click()
      await page.getByText("Coupon updated").waitFor({ timeout: 15_000 })
      await page.getByText("first order only and logged in only").waitFor({ timeout: 15_000 })
      await page.getByText("3 items").waitFor()
      await shot("admin-coupon-detail-conditions.png")
      // the history names the change
      await page.getByRole("heading", { name: "History" }).scrollIntoViewIfNeeded()
      await page
        .locator("tbody tr")
        .filter({ hasText: "Changed the coupon" })
        .getByText(/requires_login: false → true/)
        .waitFor({ timeout: 15_000 })
    })

    await checks.run("creates a percentage coupon with a cap, shows it and changes it in the edit drawer", async () => {
      await page.goto(`${base}/app/coupons/create`, { waitUntil: "networkidle" })
      await page.getByRole("heading", { name: "Create coupon" }).waitFor()
      await page.fill("#coupon-name", "E2E capped 20 %")
      await page.fill("#coupon-discount_value", "20")
      await page.fill("#coupon-max_discount_amount", "25")
      // the cap's currency is a select of the store's currencies
      await page.click("#coupon-currency_code")
      await page.getByRole("option", { name: /^USD/ }).click()
      await page.fill("#coupon-code", "E2E-CAP20")
      await page.getByRole("button", { name: "Create coupon" }).click()
      await page.waitForURL(/\/app\/coupons\/cpn_/, { timeout: 30_000 })
      const capRow = page.getByText("Maximum discount", { exact: true }).locator("..")
      await capRow.getByText("$25.00").waitFor({ timeout: 30_000 })
      await chooseAction(page, "Edit")
      const capInput = page.locator("#edit-max_discount_amount")
      await capInput.waitFor({ timeout: 10_000 })
      if ((await capInput.inputValue()) !== "25") throw new Error(`the drawer shows the cap as ${await capInput.inputValue()}`)
      await capInput.fill("40")
      await shot("admin-coupon-max-discount-edit.png")
      await page.getByRole("button", { name: "Save" }).click()
      await page.getByText("Coupon updated").waitFor({ timeout: 15_000 })
      await capRow.getByText("$40.00").waitFor({ timeout: 15_000 })
      await shot("admin-coupon-max-discount.png")
      // the stored coupon holds the new cap in its currency, not only the screen
      const id = page.url().match(/cpn_[A-Z0-9]+/i)[0]
      const { coupon } = await (await page.request.get(`${base}/admin/coupons/${id}`)).json()
      if (Number(coupon.max_discount_amount) !== 40 || coupon.currency_code !== "usd") {
        throw new Error(`stored cap ${coupon.max_discount_amount} ${coupon.currency_code}`)
      }
    })

    await checks.run("creates a fixed coupon with an amount per store currency, shows both and changes one in the drawer", async () => {
      await page.goto(`${base}/app/coupons/create`, { waitUntil: "networkidle" })
      await page.getByRole("heading", { name: "Create coupon" }).waitFor()
      await page.fill("#coupon-name", "E2E per currency")
      await page.click("#coupon-discount_type")
      await page.getByRole("option", { name: "Fixed amount" }).click()
      await page.click("#coupon-per_currency")
      // one input per store currency (its settings: USD and EUR)
      await page.fill("#coupon-amounts-usd", "15")
      await page.fill("#coupon-amounts-eur", "12")
      await page.locator("#coupon-amounts").scrollIntoViewIfNeeded()
      await page.screenshot({ path: path.join(docs, "admin-coupon-per-currency-create.png") })
      // stacks with free shipping, not with other order or product discounts
      await page.click("#coupon-combines_with-shipping")
      await page.fill("#coupon-code", "E2E-MULTI")
      await page.getByRole("button", { name: "Create coupon" }).click()
      await page.waitForURL(/\/app\/coupons\/cpn_/, { timeout: 30_000 })
      const discountRow = page.getByText("Discount", { exact: true }).locator("..")
      await discountRow.getByText("$15.00 · €12.00 off").waitFor({ timeout: 30_000 })
      await page.getByText("Combines with", { exact: true }).locator("..").getByText("Shipping discounts").waitFor()
      await chooseAction(page, "Edit")
      const eurInput = page.locator("#edit-amounts-eur")
      await eurInput.waitFor({ timeout: 10_000 })
      if ((await eurInput.inputValue()) !== "12") throw new Error(`the drawer shows EUR as ${await eurInput.inputValue()}`)
      await eurInput.fill("10")
      await page.getByRole("button", { name: "Save" }).click()
      await page.getByText("Coupon updated").waitFor({ timeout: 15_000 })
      await discountRow.getByText("$15.00 · €10.00 off").waitFor({ timeout: 15_000 })
      await page.getByRole("dialog").waitFor({ state: "detached", timeout: 15_000 })
      await shot("admin-coupon-per-currency.png")
      const id = page.url().match(/cpn_[A-Z0-9]+/i)[0]
      const { coupon } = await (await page.request.get(`${base}/admin/coupons/${id}`)).json()
      if (coupon.combines_with?.shipping !== true || coupon.combines_with?.order !== false || coupon.combinable !== true) {
        throw new Error(`stored combinations ${JSON.stringify(coupon.combines_with)}, combinable ${coupon.combinable}`)
      }
      if (
        coupon.amounts?.usd !== 15 ||
        coupon.amounts?.eur !== 10 ||
        Object.keys(coupon.amounts).length !== 2 ||
        Number(coupon.discount_value) !== 15
      ) {
        throw new Error(`stored amounts ${JSON.stringify(coupon.amounts)}, discount_value ${coupon.discount_value}`)
      }
    })

    await checks.run("creates a coupon capped per day and per customer per week, shows and changes the periods", async () => {
      await page.goto(`${base}/app/coupons/create`, { waitUntil: "networkidle" })
      await page.getByRole("heading", { name: "Create coupon" }).waitFor()
      await page.fill("#coupon-name", "E2E daily 100")
      await page.fill("#coupon-discount_value", "5")
      await page.fill("#coupon-usage_limit", "100")
      const choose = async (trigger, option) => {
        await page.click(trigger)
        await page.getByRole("option", { name: option, exact: true }).click()
      }
      await choose("#coupon-usage_limit_period", "per day")
      await page.fill("#coupon-usage_limit_per_customer", "1")
      await choose("#coupon-usage_limit_per_customer_period", "per week")
      await page.locator("#coupon-usage_limit").scrollIntoViewIfNeeded()
      await shot("admin-coupon-periodic-create.png")
      await page.fill("#coupon-code", "E2E-DAILY100")
      await page.getByRole("button", { name: "Create coupon" }).click()
      await page.waitForURL(/\/app\/coupons\/cpn_/, { timeout: 30_000 })
      await page.getByText("0 so far, at most 100 per day").waitFor({ timeout: 30_000 })
      await page.getByText("1 per week").waitFor()
      await chooseAction(page, "Edit")
      await page.locator("#edit-usage_limit_period").waitFor({ timeout: 10_000 })
      await choose("#edit-usage_limit_period", "per month")
      await page.getByRole("button", { name: "Save" }).click()
      await page.getByText("Coupon updated").waitFor({ timeout: 15_000 })
      await page.getByText("0 so far, at most 100 per month").waitFor({ timeout: 15_000 })
      await shot("admin-coupon-periodic.png")
      const id = page.url().match(/cpn_[A-Z0-9]+/i)[0]
      const { coupon } = await (await page.request.get(`${base}/admin/coupons/${id}`)).json()
      const stored = [
        coupon.usage_limit,
        coupon.usage_limit_period,
        coupon.usage_limit_per_customer,
        coupon.usage_limit_per_customer_period,
      ]
      if (JSON.stringify(stored) !== JSON.stringify([100, "month", 1, "week"])) throw new Error(`stored ${JSON.stringify(stored)}`)
    })

    await checks.run("shows stats on the detail page after a seeded order", async () => {
      await page.goto(`${base}/app/coupons`, { waitUntil: "networkidle" })
      await page.getByText("Welcome 10 %").click()
      await page.getByRole("heading", { name: "Performance" }).waitFor({ timeout: 30_000 })
      await page.getByText("Redemptions", { exact: true }).first().waitFor()
      // the redemptions-per-day chart draws one bar for the seeded order
      await page.locator('[aria-label="Redemptions per day"] rect[data-bar]').first().waitFor({ timeout: 15_000 })
      await page.locator("text=e2e-shopper@example.com").first().waitFor({ timeout: 30_000 })
      await shot("admin-coupon-detail.png")
    })

    await checks.run("shows a coupon used in euros in euros, never dollars", async () => {
      const created = await page.request.post(`${base}/admin/coupons`, {
        data: { name: "Euro ten", code: "EUROS10", discount_type: "percentage", discount_value: 10, status: "active" },
      })
      const { coupon } = await created.json()
      if (!created.ok()) throw new Error(`create: ${created.status()} ${JSON.stringify(coupon)}`)
      await placeOrderWithCoupon({ base, publishableKey, code: "EUROS10", email: "euro-shopper@example.com", currency: "eur" })
      await page.goto(`${base}/app/coupons/${coupon.id}`, { waitUntil: "networkidle" })
      const performance = page.locator("div", { has: page.getByRole("heading", { name: "Performance" }) }).last()
      await performance.getByText("€", { exact: false }).first().waitFor({ timeout: 30_000 })
      const text = await performance.innerText()
      if (text.includes("$")) throw new Error(`dollars on a euro coupon: ${text}`)
      await shot("admin-coupon-stats-eur.png")
    })

    await checks.run("shows the coupon on the order page (widget)", async () => {
      await page.goto(`${base}/app/orders/${order.id}`, { waitUntil: "networkidle" })
      await page.getByRole("heading", { name: "Coupons" }).waitFor({ timeout: 60_000 })
      await page.getByText("WELCOME10").waitFor({ timeout: 30_000 })
      await shot("admin-order-widget.png")
    })
  } finally {
    await browser.close()
  }
  return checks.summary()
}
