// The example Next.js App Router storefront (examples/nextjs-storefront) in a
// real browser against the running dev store, through both of its cart pages:
// /cart is the official starter's (its promotion field sends every code
// through a server action as `promo_codes` of POST /store/carts/:id and
// revalidates the cart's cache tag), /components-cart has the plugin's
// components with the server actions of medusa-plugin-coupons-storefront/next.
// On each, with a cart of its own: a typed code in any case with spaces lowers
// the total by exactly 10 % of the items, the expired SUMMER25 shows its
// reason and leaves the cart as it was, removing the code restores the total,
// and the checkout places an order whose discount is the one the cart showed.
// Then a shopper whose email already used WELCOME10 (one use per customer)
// is stopped at checkout with the code named, and no order is placed.
// Totals are read from the page and cross-checked with the store API.
// Screenshots go to `docs` as nextjs-*.png (a scratch directory: see
// scripts/test-e2e.mjs).
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

/** How a test types, reads and removes codes on each cart page. */
const CART_PAGES = [
  {
    name: "starter field",
    path: "/cart",
    addButton: (product) => `Add ${product} to cart`,
    shots: { applied: "nextjs-starter-promo-field.png", expired: "nextjs-starter-expired.png", order: "nextjs-starter-order.png" },
    typeCode: async (page, code) => {
      if (!(await page.getByTestId("discount-input").isVisible())) {
        await page.getByTestId("add-discount-button").click()
      }
      await page.getByTestId("discount-input").fill(code)
      await page.getByTestId("discount-apply-button").click()
    },
    appliedCodes: async (page) => (await page.getByTestId("discount-row").locator(".badge").allInnerTexts()).sort(),
    error: (page) => page.getByTestId("discount-error-message"),
    remove: (page, code) => page.getByRole("button", { name: `Remove discount code ${code} from order` }).click(),
  },
  {
    name: "components",
    path: "/components-cart",
    addButton: (product) => `Add ${product} to cart, coupon components`,
    shots: { applied: "nextjs-components.png", expired: "nextjs-components-expired.png", order: "nextjs-components-order.png" },
    typeCode: async (page, code) => {
      await page.getByLabel("Discount code", { exact: true }).fill(code)
      await page.getByRole("button", { name: "Apply", exact: true }).click()
    },
    appliedCodes: async (page) => {
      const list = page.getByRole("list", { name: "Applied discount codes" })
      const labels = await list
        .getByRole("button", { name: /^Remove code / })
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label")))
      return labels.map((label) => label.replace(/^Remove code /, "")).sort()
    },
    error: (page) => page.locator("form.coupons-form [role=alert]"),
    remove: (page, code) => page.getByRole("button", { name: `Remove code ${code}`, exact: true }).click(),
  },
]

export const runNextjsStorefrontE2E = async ({ base, publishableKey, docs, port }) => {
  const checks = createChecks("e2e:nextjs")
  await waitForSteadyServer(base)
  const app = await startNextApp({ backendUrl: base, publishableKey, port })
  console.log(`[e2e:nextjs] example storefront on ${app.url}`)
  const browser = await launchBrowser()
  const api = async (pathname) => {
    const response = await fetch(`${base}${pathname}`, { headers: { "x-publishable-api-key": publishableKey } })
    if (!response.ok) {
      throw new Error(`GET ${pathname} → ${response.status}`)
    }
    return response.json()
  }
  const storeCart = async (id) => (await api(`/store/carts/${id}?fields=*promotions`)).cart
  const codesOf = (cart) => (cart.promotions ?? []).map((promotion) => promotion.code).sort()

  /** One shopper (a browser context of their own, so a cart of their own) through one cart page. */
  const shopOn = async (cartPage, email) => {
    const context = await browser.newContext({ viewport: { width: 720, height: 900 }, locale: "en-US" })
    const page = await context.newPage()
    const pageErrors = []
    page.on("pageerror", (error) => pageErrors.push(error.message))
    const shot = async (name) => {
      await page.mouse.move(0, 0)
      await page.screenshot({ path: path.join(docs, name), fullPage: true })
    }
    // the starter's totals carry their amount in data-value (major units)
    const amountOf = async (testId) => cents(await page.getByTestId(testId).getAttribute("data-value"))
    const totalOnPage = () => amountOf("cart-total")
    const applied = () => cartPage.appliedCodes(page)
    const state = {}
    const need = (...keys) => {
      const missing = keys.filter((key) => state[key] === undefined)
      if (missing.length) {
        throw new Error(`skipped: no ${missing.join(", ")} from an earlier step`)
      }
    }
    const check = (name, fn) => checks.run(`${cartPage.name}: ${name}`, fn)
    try {
      await check("adds a product from the product page into a new US cart", async () => {
        await page.goto(app.url, { waitUntil: "networkidle" })
        await page.getByRole("button", { name: cartPage.addButton(PRODUCT), exact: true }).click()
        await page.waitForURL(`${app.url}${cartPage.path}`, { timeout: 30_000 })
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
          throw new Error(
            `page shows items ${usd(state.items)}, total ${usd(state.before)}; the API ${cart.item_subtotal}, ${cart.total}, codes ${codesOf(cart)}`
          )
        }
        console.log(`[e2e:nextjs]   ${cartPage.name}: cart ${state.cartId}, items ${usd(state.items)}, total ${usd(state.before)}`)
      })

      await check('"  welcome10 " lowers the total by 10 % of the items', async () => {
        need("before")
        await cartPage.typeCode(page, "  welcome10 ")
        await waitUntil(applied, (codes) => codes.join() === "WELCOME10", { what: "applied codes" })
        const discount = Math.round(state.items / 10)
        const expectedDrop = Math.round(discount * (1 + state.taxBefore / state.items))
        const after = await waitUntil(totalOnPage, (total) => total === state.before - expectedDrop, {
          what: `total (expected ${usd(state.before - expectedDrop)})`,
        })
        if ((await amountOf("cart-discount")) !== discount) {
          throw new Error(`discount line ${usd(await amountOf("cart-discount"))}, expected ${usd(discount)}`)
        }
        const cart = await storeCart(state.cartId)
        if (cents(cart.total) !== after || codesOf(cart).join() !== "WELCOME10") {
          throw new Error(`the API has total ${cart.total}, codes ${codesOf(cart)}`)
        }
        const errors = (await cartPage.error(page).allInnerTexts()).filter((text) => text.trim())
        if (errors.length) {
          throw new Error(`an error is shown: ${errors.join(" | ")}`)
        }
        state.afterWelcome = after
        console.log(`[e2e:nextjs]   ${cartPage.name}: WELCOME10 ${usd(state.before)} → ${usd(after)}`)
        await shot(cartPage.shots.applied)
      })

      await check("the expired SUMMER25 shows its reason and leaves the cart as it was", async () => {
        need("afterWelcome")
        await cartPage.typeCode(page, "SUMMER25")
        // the components keep an empty alert region in place: wait for its text
        const message = await waitUntil(
          async () => (await cartPage.error(page).allInnerTexts()).join(" ").trim(),
          (text) => text !== "",
          { what: "error message" }
        )
        if (!message.includes("Code SUMMER25 has expired.")) {
          throw new Error(`the field shows "${message}"`)
        }
        const cart = await storeCart(state.cartId)
        const codes = await applied()
        if (
          (await totalOnPage()) !== state.afterWelcome ||
          cents(cart.total) !== state.afterWelcome ||
          codesOf(cart).join() !== "WELCOME10" ||
          codes.join() !== "WELCOME10"
        ) {
          throw new Error(
            `total ${usd(await totalOnPage())} on the page, ${cart.total} in the API, codes ${codesOf(cart)} (page: ${codes})`
          )
        }
        console.log(`[e2e:nextjs]   ${cartPage.name}: SUMMER25 "${message}"`)
        await shot(cartPage.shots.expired)
      })

      await check("removing WELCOME10 restores the total", async () => {
        need("afterWelcome")
        await cartPage.remove(page, "WELCOME10")
        await waitUntil(applied, (codes) => codes.length === 0, { what: "applied codes" })
        await waitUntil(totalOnPage, (total) => total === state.before, { what: "total" })
        const cart = await storeCart(state.cartId)
        if (cents(cart.total) !== state.before || cents(cart.discount_total) !== 0 || codesOf(cart).length) {
          throw new Error(`the API has total ${cart.total}, discount_total ${cart.discount_total}, codes ${codesOf(cart)}`)
        }
      })

      await check("checks out with WELCOME10 and the order carries the discount the cart showed", async () => {
        need("afterWelcome")
        await cartPage.typeCode(page, "WELCOME10")
        await waitUntil(applied, (codes) => codes.join() === "WELCOME10", { what: "applied codes" })
        await waitUntil(totalOnPage, (total) => total === state.afterWelcome, { what: "total" })
        const shown = await amountOf("cart-discount")
        const cart = await storeCart(state.cartId)
        await page.getByLabel("Email").fill(email)
        await page.getByTestId("submit-order-button").click()
        await page.waitForURL(/\/order\/order_\w+$/, { timeout: 60_000 })
        const orderId = await page.getByTestId("order-id").innerText()
        const { order } = await api(`/store/orders/${orderId}?fields=+discount_total,+total,*items.adjustments`)
        const orderDiscount = await amountOf("order-discount")
        const adjusted = [...new Set(order.items.flatMap((item) => item.adjustments.map((adjustment) => adjustment.code)))]
        if (
          orderDiscount !== shown ||
          cents(order.discount_total) !== cents(cart.discount_total) ||
          cents(order.discount_total) !== shown
        ) {
          throw new Error(
            `the cart showed a discount of ${usd(shown)} (API ${cart.discount_total}); the order page ${usd(orderDiscount)}, the API ${order.discount_total}`
          )
        }
        if (adjusted.join() !== "WELCOME10" || (await page.getByTestId("order-codes").innerText()) !== "WELCOME10") {
          throw new Error(`the order's adjustments carry ${adjusted}`)
        }
        const left = (await context.cookies()).find((cookie) => cookie.name === "_medusa_cart_id")?.value
        if (left) {
          throw new Error(`the cart cookie is still set (${left})`)
        }
        console.log(`[e2e:nextjs]   ${cartPage.name}: order ${orderId}, discount ${order.discount_total}, total ${order.total}`)
        await shot(cartPage.shots.order)
      })

      await check("the pages threw no errors", async () => {
        if (pageErrors.length) {
          throw new Error(pageErrors.join(" | "))
        }
      })
    } finally {
      await context.close()
    }
  }

  /** A second order with WELCOME10 from an email that placed one: the checkout stops before paying. */
  const reuseEmail = async (email) => {
    const context = await browser.newContext({ viewport: { width: 720, height: 900 }, locale: "en-US" })
    const page = await context.newPage()
    const starter = CART_PAGES[0]
    const amountOf = async (testId) => cents(await page.getByTestId(testId).getAttribute("data-value"))
    try {
      await checks.run("starter field: an email that already used WELCOME10 is stopped at checkout, with no order", async () => {
        await page.goto(app.url, { waitUntil: "networkidle" })
        await page.getByRole("button", { name: starter.addButton(PRODUCT), exact: true }).click()
        await page.waitForURL(`${app.url}${starter.path}`, { timeout: 30_000 })
        await starter.typeCode(page, "WELCOME10")
        await waitUntil(
          () => starter.appliedCodes(page),
          (codes) => codes.join() === "WELCOME10",
          { what: "applied codes" }
        )
        const cartId = (await context.cookies()).find((cookie) => cookie.name === "_medusa_cart_id")?.value
        await page.getByLabel("Email").fill(email)
        await page.getByTestId("submit-order-button").click()
        const error = page.getByTestId("checkout-error-message")
        await error.waitFor({ timeout: 60_000 })
        const message = await error.innerText()
        if (!message.includes("Code WELCOME10 no longer applies to this order.")) {
          throw new Error(`the checkout shows "${message}"`)
        }
        await waitUntil(
          () => starter.appliedCodes(page),
          (codes) => codes.length === 0,
          { what: "applied codes" }
        )
        if ((await page.getByLabel("Email").inputValue()) !== email) {
          throw new Error("the email field lost what the shopper typed")
        }
        const cart = await storeCart(cartId)
        if (
          cart.completed_at ||
          codesOf(cart).length ||
          (await amountOf("cart-total")) !== cents(cart.total) ||
          cents(cart.discount_total) !== 0
        ) {
          throw new Error(
            `the cart: completed ${cart.completed_at}, codes ${codesOf(cart)}, total ${cart.total} (page ${usd(await amountOf("cart-total"))})`
          )
        }
        await page.mouse.move(0, 0)
        await page.screenshot({ path: path.join(docs, "nextjs-starter-limit-at-checkout.png"), fullPage: true })
      })
    } finally {
      await context.close()
    }
  }

  try {
    // emails of this run: the per-customer limit counts every earlier order of an email
    const run = Date.now().toString(36)
    for (const cartPage of CART_PAGES) {
      await shopOn(cartPage, `nextjs-${cartPage.path.slice(1)}-${run}@example.com`)
    }
    await reuseEmail(`nextjs-cart-${run}@example.com`)
  } finally {
    await browser.close()
    await app.stop()
  }
  return checks.summary()
}
