#!/usr/bin/env node
// Contention at completion: 200 carts that all hold one shared code, completed
// at once (POST /store/carts/:id/complete, 200 requests in flight), against
// 200 carts without a coupon completed the same way. Total wall time of each
// and the ratio; target ≤ 1.5.
//
// The code's coupon is capped at 1,000 uses, so every completion succeeds:
// all 200 take the same row locks (the code's and the coupon's counters, one
// conditional UPDATE each, held until the redemption commits), and the two
// groups do the same work apart from the coupon. A cap below 200 would let
// the losers fail early and skip the order, which would flatter the coupon
// side instead of measuring the wait for the lock.
//
// The carts (one item, addresses, shipping method, a pp_system_default payment
// session, the code) are built beforehand, untimed, in this process with the
// core workflows the store routes run (the shipping method through the cart
// module, see buildCart), so that 410 carts take about two minutes.
import { fileURLToPath } from "node:url"
import { createRequire } from "node:module"
import { log, pool, runStandalone, verdict } from "./lib/harness.mjs"

const require = createRequire(import.meta.url)

const CARTS = Number(process.env.BENCH_CONTENTION_CARTS || 200)
const WARMUP = 5
const USAGE_LIMIT = 1000
const TARGET = 1.5

export const run = async (ctx) => {
  const { api, app, pg, store, storeHeaders, createCoupon } = ctx
  const {
    createCartWorkflow,
    createPaymentCollectionForCartWorkflow,
    createPaymentSessionsWorkflow,
  } = require("@medusajs/medusa/core-flows")
  const { applyCouponToCartWorkflow } = require("../src/workflows/apply-coupon-to-cart.ts")
  const { container } = app
  const coupon = await createCoupon("SHARED", { usage_limit: USAGE_LIMIT })

  let carts = 0
  const address = {
    first_name: "Sam",
    last_name: "Shopper",
    address_1: "1 Main St",
    city: "Springfield",
    postal_code: "12345",
    country_code: "us",
  }
  const step = (_name, fn) => fn()
  const buildCart = async (code) => {
    const { result: cart } = await step("create", () =>
      createCartWorkflow(container).run({
        input: {
          region_id: store.regionId,
          sales_channel_id: store.salesChannelId,
          email: `contention-${++carts}@bench.local`,
          items: [{ variant_id: store.variantId, quantity: 1 }],
          shipping_address: address,
          billing_address: address,
        },
      })
    )
    // the cart module's insert instead of addShippingMethodToCartWorkflow,
    // which prices and validates the option and refreshes the whole cart
    // (two thirds of the build time); completion only checks that the
    // method's option serves the items' shipping profile
    await step("ship", () =>
      container.resolve("cart").addShippingMethods({
        cart_id: cart.id,
        name: "Standard",
        amount: 10,
        shipping_option_id: store.shippingOptionId,
        data: {},
      })
    )
    if (code) {
      await step("apply", () => applyCouponToCartWorkflow(container).run({ input: { cart_id: cart.id, code } }))
    }
    await step("pc", () => createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } }))
    const { data } = await container.resolve("query").graph({ entity: "cart", fields: ["payment_collection.id"], filters: { id: cart.id } })
    await step("ps", () =>
      createPaymentSessionsWorkflow(container).run({
        input: { payment_collection_id: data[0].payment_collection.id, provider_id: "pp_system_default" },
      })
    )
    return cart.id
  }
  const complete = (cartId) =>
    api
      .post(`/store/carts/${cartId}/complete`, {}, { headers: storeHeaders })
      .then(({ data }) => data.type === "order")
      .catch(() => false)

  let started = Date.now()
  const plain = await pool(CARTS + WARMUP, 4, () => buildCart(null))
  const shared = await pool(CARTS + WARMUP, 4, () => buildCart("SHARED"))
  log(`contention: ${2 * (CARTS + WARMUP)} carts built in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  // a few completions of each kind first, untimed (JIT, connection pool)
  for (let i = 0; i < WARMUP; i++) {
    await complete(plain.pop())
    await complete(shared.pop())
  }
  const burst = async (cartIds) => {
    const t = performance.now()
    const outcomes = await Promise.all(cartIds.map(complete))
    return { ms: performance.now() - t, orders: outcomes.filter(Boolean).length }
  }
  const withoutCoupon = await burst(plain)
  const withCoupon = await burst(shared)

  const counters = (
    await pg.raw(
      `SELECT (SELECT usage_count FROM coupon WHERE id = ?) AS coupon_usage,
              (SELECT usage_count FROM coupon_code WHERE coupon_id = ? AND code = 'SHARED' AND deleted_at IS NULL) AS code_usage,
              (SELECT count(*)::int FROM coupon_redemption WHERE coupon_id = ? AND status = 'redeemed' AND deleted_at IS NULL) AS ledger`,
      [coupon.id, coupon.id, coupon.id]
    )
  ).rows[0]
  const expected = withCoupon.orders + WARMUP
  const consistent = counters.coupon_usage === counters.ledger && counters.code_usage === counters.ledger && counters.ledger === expected
  const ratio = withCoupon.ms / withoutCoupon.ms
  const seconds = (value) => `${(value / 1000).toFixed(2)} s`
  console.log("")
  console.log(`== 3. ${CARTS} concurrent completions (POST /store/carts/:id/complete, all in flight at once) ==`)
  console.log(`without a coupon                 ${seconds(withoutCoupon.ms)}  ${withoutCoupon.orders}/${CARTS} orders`)
  console.log(`one shared code (cap ${USAGE_LIMIT})      ${seconds(withCoupon.ms)}  ${withCoupon.orders}/${CARTS} orders`)
  console.log(`ratio coupon / none              ${ratio.toFixed(2)}  target ≤ ${TARGET}  ${verdict(ratio <= TARGET)}`)
  console.log(
    `counters vs ledger               code usage_count ${counters.code_usage}, coupon usage_count ${counters.coupon_usage}, ` +
      `ledger rows ${counters.ledger}, orders with the code ${expected} (${WARMUP} warm-up)  ${consistent ? "consistent" : "MISMATCH"}`
  )
  return { withoutCoupon, withCoupon, ratio, counters, consistent }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runStandalone("contention", run)
}
