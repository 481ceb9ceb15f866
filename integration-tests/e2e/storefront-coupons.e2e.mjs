// The storefront components in a real browser against the running dev app:
// the demo page (storefront-components/demo) served by esbuild, a product in
// a US cart, WELCOME10 takes exactly 10 % of the items off, the expired
// SUMMER25 is refused with its message, removing the code restores the total,
// and a ?coupon=SAVE5 link applies the code and leaves the address clean.
// Totals are read from the page and cross-checked with GET /store/carts/:id.
// Screenshots go to `docs` as storefront-*.png (the runner passes a scratch
// directory: a new file in the repository restarts `medusa develop`).
import { mkdtemp, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { serveDemo } from "../../storefront-components/demo/build.mjs"
import { createChecks, launchBrowser } from "./lib/browser.mjs"
import { freePort } from "./lib/ports.mjs"
import { waitForSteadyServer } from "./lib/steady-server.mjs"

const PRODUCT = "Medusa Sweatshirt"
const cents = (amount) => Math.round(Number(amount) * 100)
const usd = (amountInCents) => `$${(amountInCents / 100).toFixed(2)}`
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `read` until `accept` takes its value; throws with the last value on timeout. */
const waitUntil = async (read, accept, { timeoutMs = 15_000, what = "condition" } = {}) => {
  const deadline = Date.now() + timeoutMs
  let last
  while (Date.now() < deadline) {
    last = await read()
    if (accept(last)) {
      return last
    }
    await sleep(100)
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`)
}

export const runStorefrontE2E = async ({ base, publishableKey, docs, port }) => {
  const checks = createChecks("e2e:storefront")
  await waitForSteadyServer(base)
  const outdir = await mkdtemp(path.join(os.tmpdir(), "coupons-demo-"))
  const demo = await serveDemo({ backendUrl: base, publishableKey, outdir, port: port ?? (await freePort(8000)) })
  console.log(`[e2e:storefront] demo page on ${demo.url}`)
  const browser = await launchBrowser()
  const page = await browser.newPage({ viewport: { width: 640, height: 720 }, locale: "en-US" })
  const pageErrors = []
  page.on("pageerror", (error) => pageErrors.push(error.message))
  const shot = async (name) => {
    await page.mouse.move(0, 0) // no hover left on the last clicked button
    await page.screenshot({ path: path.join(docs, name), fullPage: true })
  }

  const storeCart = async (id) => {
    const response = await fetch(`${base}/store/carts/${id}?fields=+coupon_codes.code`, {
      headers: { "x-publishable-api-key": publishableKey },
    })
    if (!response.ok) {
      throw new Error(`GET /store/carts/${id} → ${response.status}`)
    }
    return (await response.json()).cart
  }
  const amountOf = async (testId) => cents((await page.getByTestId(testId).innerText()).replace(/[^0-9.-]/g, ""))
  const totalOnPage = () => amountOf("total")
  const codesOf = (cart) => (cart.coupon_codes ?? []).map((entry) => entry.code).sort()
  const appliedList = page.getByRole("list", { name: "Applied discount codes" })
  const formError = page.locator(".coupons-form__error")
  const apply = async (code) => {
    await page.getByLabel("Discount code", { exact: true }).fill(code)
    await page.getByRole("button", { name: "Apply", exact: true }).click()
  }
  const state = {}
  // a later step on a cart an earlier step did not set up only repeats its failure
  const need = (...keys) => {
    const missing = keys.filter((key) => state[key] === undefined)
    if (missing.length) {
      throw new Error(`skipped: no ${missing.join(", ")} from an earlier step`)
    }
  }

  try {
    await checks.run("opens a US cart and adds a product", async () => {
      await page.goto(demo.url, { waitUntil: "networkidle" })
      const add = page.getByRole("button", { name: new RegExp(`^Add ${PRODUCT}`) })
      await add.waitFor({ timeout: 30_000 })
      state.cartId = (await page.getByTestId("cart-id").innerText()).match(/cart_\w+/)?.[0]
      if (!state.cartId) {
        throw new Error("no cart id on the page")
      }
      await add.click()
      await page.getByRole("list", { name: "Cart" }).getByText(`${PRODUCT} × 1`).waitFor({ timeout: 15_000 })
      const cart = await storeCart(state.cartId)
      if (!cart.region?.countries?.some((country) => country.iso_2 === "us")) {
        throw new Error(`the cart is in region ${cart.region?.name ?? cart.region_id}`)
      }
      state.items = await amountOf("item-subtotal")
      state.before = await totalOnPage()
      state.taxBefore = await amountOf("tax")
      if (state.items !== cents(cart.item_subtotal) || state.before !== cents(cart.total)) {
        throw new Error(`page shows items ${usd(state.items)}, total ${usd(state.before)}; the API ${cart.item_subtotal}, ${cart.total}`)
      }
      console.log(
        `[e2e:storefront]   cart ${state.cartId}: items ${usd(state.items)}, tax ${usd(state.taxBefore)}, total ${usd(state.before)}`
      )
    })

    await checks.run("applies WELCOME10 and the total drops by exactly 10 % of the items", async () => {
      need("before")
      await apply("welcome10")
      await appliedList.getByText("WELCOME10", { exact: true }).waitFor({ timeout: 15_000 })
      const after = await waitUntil(totalOnPage, (total) => total !== state.before, { what: "total" })
      // 10 % of the items, plus the tax that discount carries (the seeded US tax region has no rate: none)
      const discount = Math.round(state.items / 10)
      const expectedDrop = Math.round(discount * (1 + state.taxBefore / state.items))
      if (state.before - after !== expectedDrop) {
        throw new Error(`total ${usd(state.before)} → ${usd(after)}: dropped ${usd(state.before - after)}, expected ${usd(expectedDrop)}`)
      }
      const line = await page.locator(".coupons-line__amount").innerText()
      if (line !== `-${usd(discount)}`) {
        throw new Error(`discount line shows ${line}, expected -${usd(discount)}`)
      }
      const cart = await storeCart(state.cartId)
      if (cents(cart.total) !== after || cents(cart.discount_total) !== expectedDrop || codesOf(cart).join() !== "WELCOME10") {
        throw new Error(`the API has total ${cart.total}, discount_total ${cart.discount_total}, codes ${codesOf(cart)}`)
      }
      await page.getByText(`Code WELCOME10 applied. You save ${usd(discount)}.`).waitFor()
      state.afterWelcome = after
      console.log(
        `[e2e:storefront]   WELCOME10: ${usd(state.before)} → ${usd(after)} (discount_total ${cart.discount_total}, tax ${cart.tax_total})`
      )
      await shot("storefront-applied.png")
    })

    await checks.run("refuses the expired SUMMER25 with its message", async () => {
      need("afterWelcome")
      await apply("SUMMER25")
      await formError.getByText("Code SUMMER25 has expired.").waitFor({ timeout: 15_000 })
      if ((await appliedList.getByText("SUMMER25").count()) !== 0) {
        throw new Error("SUMMER25 is listed as applied")
      }
      const total = await totalOnPage()
      const cart = await storeCart(state.cartId)
      if (total !== state.afterWelcome || cents(cart.total) !== state.afterWelcome || codesOf(cart).join() !== "WELCOME10") {
        throw new Error(
          `total ${usd(total)} on the page, ${cart.total} in the API (codes ${codesOf(cart)}); expected ${usd(state.afterWelcome)}`
        )
      }
      await shot("storefront-expired.png")
    })

    await checks.run("removes WELCOME10 and the total is back", async () => {
      need("afterWelcome")
      await page.getByRole("button", { name: "Remove code WELCOME10" }).click()
      await page.getByText("Code WELCOME10 removed.").waitFor({ timeout: 15_000 })
      await waitUntil(totalOnPage, (total) => total === state.before, { what: "total" })
      if (await page.locator(".coupons-line").count()) {
        throw new Error("the discount line is still shown")
      }
      const cart = await storeCart(state.cartId)
      if (cents(cart.total) !== state.before || cents(cart.discount_total) !== 0 || codesOf(cart).length) {
        throw new Error(`the API has total ${cart.total}, discount_total ${cart.discount_total}, codes ${codesOf(cart)}`)
      }
    })

    await checks.run("applies SAVE5 from a ?coupon= link and drops the parameter", async () => {
      need("before")
      await page.goto(`${demo.url}?coupon=SAVE5`, { waitUntil: "networkidle" })
      await appliedList.getByText("SAVE5", { exact: true }).waitFor({ timeout: 15_000 })
      if (!(await page.getByTestId("cart-id").innerText()).includes(state.cartId)) {
        throw new Error("the page opened another cart")
      }
      await waitUntil(
        () => new URL(page.url()).search,
        (search) => !search.includes("coupon"),
        { what: "address" }
      )
      const expected = state.before - Math.round(500 * (1 + state.taxBefore / state.items))
      await waitUntil(totalOnPage, (total) => total === expected, { what: `total (expected ${usd(expected)})` })
      const cart = await storeCart(state.cartId)
      if (cents(cart.total) !== expected || codesOf(cart).join() !== "SAVE5") {
        throw new Error(`the API has total ${cart.total}, codes ${codesOf(cart)}`)
      }
      await page.getByText("Code SAVE5 applied. You save $5.00.").waitFor()
      console.log(`[e2e:storefront]   SAVE5 from the link: total ${usd(expected)}, address ${page.url()}`)
      await shot("storefront-url-applied.png")
    })

    await checks.run(
      "ten typos on a fresh cart are answered one by one; WELCOME10 still applies; the eleventh typo is refused",
      async () => {
        // a shopper of their own (new context: new cart), at the plugin's default limit of 10 failed codes per cart
        const context = await browser.newContext({ viewport: { width: 640, height: 720 }, locale: "en-US" })
        const shopper = await context.newPage()
        shopper.on("pageerror", (error) => pageErrors.push(error.message))
        try {
          await shopper.goto(demo.url, { waitUntil: "networkidle" })
          const add = shopper.getByRole("button", { name: new RegExp(`^Add ${PRODUCT}`) })
          await add.waitFor({ timeout: 30_000 })
          await add.click()
          await shopper.getByRole("list", { name: "Cart" }).getByText(`${PRODUCT} × 1`).waitFor({ timeout: 15_000 })
          const typeCode = async (code) => {
            await shopper.getByLabel("Discount code", { exact: true }).fill(code)
            await shopper.getByRole("button", { name: "Apply", exact: true }).click()
          }
          const error = shopper.locator(".coupons-form__error")
          for (let typo = 1; typo <= 10; typo++) {
            await typeCode(`TYPO-${typo}`)
            await error.getByText(`Code TYPO-${typo} does not exist.`, { exact: false }).waitFor({ timeout: 15_000 })
          }
          await typeCode("WELCOME10")
          await shopper
            .getByRole("list", { name: "Applied discount codes" })
            .getByText("WELCOME10", { exact: true })
            .waitFor({ timeout: 15_000 })
          await typeCode("TYPO-11")
          await error.getByText("Too many codes that did not apply.", { exact: false }).waitFor({ timeout: 15_000 })
          await shopper.screenshot({ path: path.join(docs, "storefront-rate-limited.png"), fullPage: true })
        } finally {
          await context.close()
        }
      }
    )

    await checks.run("the page threw no errors", async () => {
      if (pageErrors.length) {
        throw new Error(pageErrors.join(" | "))
      }
    })
  } finally {
    await browser.close()
    await demo.stop()
    await rm(outdir, { recursive: true, force: true })
  }
  return checks.summary()
}
