#!/usr/bin/env node
// Apply latency against native: POST /store/carts/:id/coupons { code } against
// Medusa's own POST /store/carts/:id/promotions { promo_codes } with an
// equivalent native promotion (10 %, standard, percentage / order / across),
// on the same kind of cart (one item at 100, shipping method, USD region).
// The two are interleaved request by request (which one goes first swaps every
// round); after each timed apply the discount is removed again, untimed, so
// that each cart of the two pools is always applied to in the same state.
// Target: coupon p50 and p99 ≤ 1.15 × native.
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { log, ms, percentile, pool, runStandalone, verdict } from "./lib/harness.mjs"

const require = createRequire(import.meta.url)
const REQUESTS = Number(process.env.BENCH_APPLY_REQUESTS || 500)
const WARMUP = 20
const CARTS = 10
const TARGET = 1.15

export const run = async (ctx) => {
  const { api, admin, app, storeHeaders, createCart, createCoupon } = ctx
  const { PromotionActions } = require("@medusajs/framework/utils")
  const { updateCartPromotionsWorkflow } = require("@medusajs/medusa/core-flows")
  const { removeCouponFromCartWorkflow } = require("../src/workflows/remove-coupon-from-cart.ts")
  const headers = { headers: storeHeaders }
  const coupon = await createCoupon("BENCH10")
  const { promotion } = await admin.post("/admin/promotions", {
    code: "NATIVE10",
    type: "standard",
    status: "active",
    is_automatic: false,
    application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10 },
  })
  log(`apply: coupon ${coupon.id} (BENCH10), native promotion ${promotion.id} (NATIVE10); building ${2 * CARTS} carts…`)
  let started = Date.now()
  const couponCarts = await pool(CARTS, 4, () => createCart())
  const nativeCarts = await pool(CARTS, 4, () => createCart())
  log(`apply: carts built in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  const applyCoupon = (cartId) => api.post(`/store/carts/${cartId}/coupons`, { code: "BENCH10" }, headers)
  // removals run the routes' workflows in process (untimed; no HTTP, no refetch)
  const removeCoupon = (cartId) => removeCouponFromCartWorkflow(app.container).run({ input: { cart_id: cartId, code: "BENCH10" } })
  const applyNative = (cartId) => api.post(`/store/carts/${cartId}/promotions`, { promo_codes: ["NATIVE10"] }, headers)
  const removeNative = (cartId) =>
    updateCartPromotionsWorkflow(app.container).run({
      input: { cart_id: cartId, promo_codes: ["NATIVE10"], action: PromotionActions.REMOVE, force_refresh_payment_collection: true },
    })

  // the same money on both sides, or the comparison means nothing
  const [{ data: withCoupon }, { data: withNative }] = [await applyCoupon(couponCarts[0]), await applyNative(nativeCarts[0])]
  if (withCoupon.cart.discount_total !== withNative.cart.discount_total || !withCoupon.cart.discount_total) {
    throw new Error(`discounts differ: coupon ${withCoupon.cart.discount_total}, native ${withNative.cart.discount_total}`)
  }
  await removeCoupon(couponCarts[0])
  await removeNative(nativeCarts[0])

  const timed = async (call) => {
    const started = performance.now()
    await call()
    return performance.now() - started
  }
  const couponMs = []
  const nativeMs = []
  const removeMs = { coupon: [], native: [] }
  started = Date.now()
  for (let round = 0; round < WARMUP + REQUESTS; round++) {
    const couponCart = couponCarts[round % CARTS]
    const nativeCart = nativeCarts[round % CARTS]
    let c
    let n
    if (round % 2 === 0) {
      c = await timed(() => applyCoupon(couponCart))
      n = await timed(() => applyNative(nativeCart))
    } else {
      n = await timed(() => applyNative(nativeCart))
      c = await timed(() => applyCoupon(couponCart))
    }
    const rc = await timed(() => removeCoupon(couponCart))
    const rn = await timed(() => removeNative(nativeCart))
    if (round >= WARMUP) {
      removeMs.coupon.push(rc)
      removeMs.native.push(rn)
      couponMs.push(c)
      nativeMs.push(n)
    }
  }

  log(
    `apply: ${WARMUP + REQUESTS} rounds in ${((Date.now() - started) / 1000).toFixed(1)} s; removal p50 coupon ${ms(percentile(removeMs.coupon, 50))}, native ${ms(percentile(removeMs.native, 50))} (untimed)`
  )
  const p = (values, q) => percentile(values, q)
  const ratio50 = p(couponMs, 50) / p(nativeMs, 50)
  const ratio99 = p(couponMs, 99) / p(nativeMs, 99)
  console.log("")
  console.log(`== 1. apply latency vs native (${REQUESTS} each, interleaved, ${WARMUP} warm-up rounds untimed) ==`)
  console.log(`discount_total                   ${withCoupon.cart.discount_total} both ways (one item at 100, 10 % tax)`)
  console.log(
    `POST /store/carts/:id/coupons    p50 ${ms(p(couponMs, 50))}  p99 ${ms(p(couponMs, 99))}  mean ${ms(couponMs.reduce((a, b) => a + b, 0) / couponMs.length)}`
  )
  console.log(
    `POST /store/carts/:id/promotions p50 ${ms(p(nativeMs, 50))}  p99 ${ms(p(nativeMs, 99))}  mean ${ms(nativeMs.reduce((a, b) => a + b, 0) / nativeMs.length)}`
  )
  console.log(
    `ratio coupon / native            p50 ${ratio50.toFixed(2)}  p99 ${ratio99.toFixed(2)}  target ≤ ${TARGET}  ${verdict(ratio50 <= TARGET && ratio99 <= TARGET)}`
  )
  return { couponMs, nativeMs, ratio50, ratio99 }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runStandalone("apply", run)
}
