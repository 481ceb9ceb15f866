// The example Next.js App Router storefront (examples/nextjs-storefront) in a
// real browser against the running dev store. Its cart page is the official
// starter's: the promotion field sends every code through a server action as
// `promo_codes` of POST /store/carts/:id and revalidates the cart's cache tag.
// A typed code in any case with spaces lowers the total by exactly 10 % of the
// items, the expired SUMMER25 shows its reason and leaves the cart as it was,
// removing the code restores the total, and the checkout places an order
// whose discount is the one the cart showed. Totals are read from the page
// and cross-checked with the store API. Screenshots go to `docs` as
// nextjs-*.png (a scratch directory: see scripts/test-e2e.mjs).
import path from "node:path"
import { createChecks, launchBrowser } from "./lib/browser.mjs"
import { startNextApp } from "./lib/nextjs-app.mjs"
import { waitForSteadyServer } from "./lib/steady-server.mjs"

const PRODUCT = "Medusa Sweatshirt"
const cents = (amount) => Math.round(Number(amount) * 100)
const usd = (amountInCents) => `$${(amountInCents / 100).toFixed(2)}`
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `read` until `accept` takes its value; throws with the last value on timeout. */
const waitUntil = async (read, accept, { timeoutMs = 20_000, what = "condition" } = {}) => {
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

export const runNextjsStorefrontE2E = async ({ base, publishableKey, docs, port }) => {
  const checks = createChecks("e2e:nextjs")
  await waitForSteadyServer(base)
  const app = await startNextApp({ backendUrl: base, publishableKey, port })
  console.log(`[e2e:nextjs] example storefront on ${app.url}`)
  const browser = await launchBrowser()
  const context = await browser.newContext({ viewport: { width: 720, height: 900 }, locale: "en-US" })
  const page = await context.newPage()
  const pageErrors = []
  page.on("pageerror", (error) => pageErrors.push(error.message))
  const shot = async (name) => {
    await page.mouse.move(0, 0)
    await page.screenshot({ path: path.join(docs, name), fullPage: true })
  }
  const api = async (pathname) => {
    const response = await fetch(`${base}${pathname}`, { headers: { "x-publishable-api-key": publishableKey } })
    if (!response.ok) {
      throw new Error(`GET ${pathname} → ${response.status}`)
    }
    return response.json()
  }
  const storeCart = async (id) => (await api(`/store/carts/${id}?fields=*promotions`)).cart
  // the starter's totals carry their amount in data-value (major units)
  const amountOf = async (testId) => cents(await page.getByTestId(testId).getAttribute("data-value"))
  const totalOnPage = () => amountOf("cart-total")
  const codesOf = (cart) => (cart.promotions ?? []).map((promotion) => promotion.code).sort()
  const appliedRows = page.getByTestId("discount-row")
  const typeCode = async (code) => {
    if (!(await page.getByTestId("discount-input").isVisible())) {
      await page.getByTestId("add-discount-button").click()
    }
    await page.getByTestId("discount-input").fill(code)
    await page.getByTestId("discount-apply-button").click()
  }
  const state = {}
  const need = (...keys) => {
    const missing = keys.filter((key) => state[key] === undefined)
    if (missing.length) {
      throw new Error(`skipped: no ${missing.join(", ")} from an earlier step`)
    }
  }

  try {
    await checks.run("adds a product from the product page into a new US cart", async () => {
      await page.goto(app.url, { waitUntil: "networkidle" })
      await page.getByRole("button", { name: `Add ${PRODUCT} to cart` }).click()
      await page.waitForURL(`${app.url}/cart`, { timeout: 30_000 })
      await page.getByTestId("product-row").getByText(`${PRODUCT} · `).waitFor({ timeout: 15_000 })
      state.cartId = (await context.cookies()).find((cookie) => cookie.name === "_medusa_cart_id")?.value
      if (!state.cartId) {
        throw new Error("no _medusa_cart_id cookie")
      }
      const cart = await storeCart(state.cartId)
      state.items = await amountOf("cart-subtotal")
      state.before = await totalOnPage()
      state.taxBefore = await amountOf("cart-taxes")
      if (state.items !== cents(cart.item_subtotal) || state.before !== cents(cart.total) || codesOf(cart).length) {
        throw new Error(`page shows items ${usd(state.items)}, total ${usd(state.before)}; the API ${cart.item_subtotal}, ${cart.total}, codes ${codesOf(cart)}`)
      }
      console.log(`[e2e:nextjs]   cart ${state.cartId}: items ${usd(state.items)}, total ${usd(state.before)}`)
    })

    await checks.run('"  welcome10 " in the starter\'s promotion field lowers the total by 10 % of the items', async () => {
      need("before")
      await typeCode("  welcome10 ")
      await appliedRows.getByText("WELCOME10", { exact: true }).waitFor({ timeout: 20_000 })
      const after = await waitUntil(totalOnPage, (total) => total !== state.before, { what: "total" })
      const discount = Math.round(state.items / 10)
      const expectedDrop = Math.round(discount * (1 + state.taxBefore / state.items))
      if (state.before - after !== expectedDrop || (await amountOf("cart-discount")) !== discount) {
        throw new Error(`total ${usd(state.before)} → ${usd(after)}, discount line ${usd(await amountOf("cart-discount"))}; expected a drop of ${usd(expectedDrop)}`)
      }
      const cart = await storeCart(state.cartId)
      if (cents(cart.total) !== after || codesOf(cart).join() !== "WELCOME10") {
        throw new Error(`the API has total ${cart.total}, codes ${codesOf(cart)}`)
      }
      if (await page.getByTestId("discount-error-message").count()) {
        throw new Error(`an error is shown: ${await page.getByTestId("discount-error-message").innerText()}`)
      }
      state.afterWelcome = after
      console.log(`[e2e:nextjs]   WELCOME10: ${usd(state.before)} → ${usd(after)}`)
      await shot("nextjs-starter-promo-field.png")
    })

    await checks.run("the expired SUMMER25 shows its reason and leaves the cart as it was", async () => {
      need("afterWelcome")
      await typeCode("SUMMER25")
      const error = page.getByTestId("discount-error-message")
      await error.waitFor({ timeout: 20_000 })
      const message = await error.innerText()
      if (!message.includes("Code SUMMER25 has expired.")) {
        throw new Error(`the field shows "${message}"`)
      }
      const cart = await storeCart(state.cartId)
      const rows = await appliedRows.allInnerTexts()
      if ((await totalOnPage()) !== state.afterWelcome || cents(cart.total) !== state.afterWelcome || codesOf(cart).join() !== "WELCOME10" || rows.some((row) => row.includes("SUMMER25"))) {
        throw new Error(`total ${usd(await totalOnPage())} on the page, ${cart.total} in the API, codes ${codesOf(cart)}, rows ${rows}`)
      }
      console.log(`[e2e:nextjs]   SUMMER25: "${message}"`)
      await shot("nextjs-starter-expired.png")
    })

    await checks.run("removing WELCOME10 restores the total", async () => {
      need("afterWelcome")
      await page.getByRole("button", { name: "Remove discount code WELCOME10 from order" }).click()
      await waitUntil(() => appliedRows.count(), (count) => count === 0, { what: "applied codes" })
      await waitUntil(totalOnPage, (total) => total === state.before, { what: "total" })
      const cart = await storeCart(state.cartId)
      if (cents(cart.total) !== state.before || cents(cart.discount_total) !== 0 || codesOf(cart).length) {
        throw new Error(`the API has total ${cart.total}, discount_total ${cart.discount_total}, codes ${codesOf(cart)}`)
      }
    })

    await checks.run("checks out with WELCOME10 and the order carries the discount the cart showed", async () => {
      need("before")
      await typeCode("WELCOME10")
      await appliedRows.getByText("WELCOME10", { exact: true }).waitFor({ timeout: 20_000 })
      await waitUntil(totalOnPage, (total) => total === state.afterWelcome, { what: "total" })
      const shown = await amountOf("cart-discount")
      const cart = await storeCart(state.cartId)
      await page.getByLabel("Email").fill("nextjs-shopper@example.com")
      await page.getByTestId("submit-order-button").click()
      await page.waitForURL(/\/order\/order_\w+$/, { timeout: 60_000 })
      const orderId = await page.getByTestId("order-id").innerText()
      const { order } = await api(`/store/orders/${orderId}?fields=+discount_total,+total,*items.adjustments`)
      const orderDiscount = await amountOf("order-discount")
      const adjusted = [...new Set(order.items.flatMap((item) => item.adjustments.map((adjustment) => adjustment.code)))]
      if (orderDiscount !== shown || cents(order.discount_total) !== cents(cart.discount_total) || cents(order.discount_total) !== shown) {
        throw new Error(`the cart showed a discount of ${usd(shown)} (API ${cart.discount_total}); the order page ${usd(orderDiscount)}, the API ${order.discount_total}`)
      }
      if (adjusted.join() !== "WELCOME10" || (await page.getByTestId("order-codes").innerText()) !== "WELCOME10") {
        throw new Error(`the order's adjustments carry ${adjusted}`)
      }
      const left = (await context.cookies()).find((cookie) => cookie.name === "_medusa_cart_id")?.value
      if (left) {
        throw new Error(`the cart cookie is still set (${left})`)
      }
      console.log(`[e2e:nextjs]   order ${orderId}: discount ${order.discount_total}, total ${order.total}`)
      await shot("nextjs-starter-order.png")
    })

    await checks.run("the pages threw no errors", async () => {
      if (pageErrors.length) {
        throw new Error(pageErrors.join(" | "))
      }
    })
  } finally {
    await browser.close()
    await app.stop()
  }
  return checks.summary()
}
