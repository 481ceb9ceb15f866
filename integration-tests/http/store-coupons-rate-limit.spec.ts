import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CouponAttemptLimiter } from "../../src/api/store/coupons/rate-limit/attempts"
import { attemptCountersOf } from "../../src/api/store/coupons/rate-limit/limiter-for-app"
import Medusa from "@medusajs/js-sdk"
import { applyCoupon } from "../../storefront-components/src/api"
import { explainApplyFailure } from "../../storefront-components/src/apply-failure"
import { createCart } from "./fixtures/checkout"
import { couponService, createCoupon, validateCode } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

jest.setTimeout(180_000)

const PER_CART = 3
const PER_IP = 6
const PER_CUSTOMER = 4

/*
 * Small limits for this file only (the other suites get generous ones from
 * integration-tests/setup.js); set before the runner loads medusa-config.ts,
 * which it does before applying its own `env`. The test app has no REDIS_URL: the counters
 * live in the app's PostgreSQL. Express trusts one proxy (Medusa's default),
 * so each test speaks from its own address through X-Forwarded-For.
 */
process.env.COUPON_RATE_LIMIT_PER_CART = String(PER_CART)
process.env.COUPON_RATE_LIMIT_PER_IP = String(PER_IP)
process.env.COUPON_RATE_LIMIT_PER_CUSTOMER = String(PER_CUSTOMER)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture

    beforeEach(async () => {
      store = await createStoreFixture(getContainer())
    })

    const from = (ip: string, extra: Record<string, string> = {}) => ({
      ...store.storeHeaders.headers,
      "x-forwarded-for": ip,
      ...extra,
    })
    const apply = (cartId: string, code: string, headers: Record<string, string>) =>
      api.post(`/store/carts/${cartId}/coupons`, { code }, { headers }).catch((error) => error.response)
    const remove = (cartId: string, code: string, headers: Record<string, string>) =>
      api.delete(`/store/carts/${cartId}/coupons/${code}`, { headers }).catch((error) => error.response)

    const expectRateLimited = (response: { status: number; data: any; headers: any }) => {
      expect(response.status).toBe(429)
      expect(response.data).toEqual({ type: "not_allowed", code: "rate_limited", message: expect.any(String) })
      const retryAfter = Number(response.headers["retry-after"])
      expect(Number.isInteger(retryAfter)).toBe(true)
      expect(retryAfter).toBeGreaterThan(0)
      expect(retryAfter).toBeLessThanOrEqual(900)
    }

    const rows = async (key: string) => {
      const knex = getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
      return knex("coupon_rate_limit").where({ key }).select("key", "points")
    }

    describe("POST /store/carts/:id/coupons", () => {
      it("should answer 429 with Retry-After once the cart used up its failed attempts, before any lookup", async () => {
        await createCoupon(getContainer(), { code: "REAL-CODE" })
        const cartId = await createCart(api, store)
        const other = await createCart(api, store)
        const headers = from("198.51.100.1")

        for (let attempt = 1; attempt <= PER_CART; attempt++) {
          const response = await apply(cartId, `GUESS-${attempt}`, headers)
          expect({ attempt, status: response.status, code: response.data.code }).toEqual({ attempt, status: 400, code: "not_found" })
        }
        // the failure after the allowed ones is answered 429 itself
        expectRateLimited(await apply(cartId, "GUESS-NEXT", headers))
        const spy = jest.spyOn(couponService(getContainer()), "listCouponCodes")
        // from then on even the right code: the limiter answers before the code is looked at
        expectRateLimited(await apply(cartId, "REAL-CODE", headers))
        expectRateLimited(await apply(cartId, "GUESS-1", headers))
        expect(spy).not.toHaveBeenCalled()
        spy.mockRestore()

        // another cart from the same address still gets answers
        expect((await apply(other, "GUESS-1", headers)).data.code).toBe("not_found")
        expect((await apply(other, "REAL-CODE", headers)).status).toBe(200)
        // the counter is in PostgreSQL, where every server instance reads it
        expect(await rows(`cart:${cartId}`)).toEqual([{ key: `cart:${cartId}`, points: expect.any(Number) }])
        expect((await rows(`cart:${cartId}`))[0].points).toBeGreaterThanOrEqual(PER_CART)
      })

      it("should still apply a right code after the allowed failures, and answer the next failure 429", async () => {
        await createCoupon(getContainer(), { code: "REAL-CODE" })
        const cartId = await createCart(api, store)
        const headers = from("198.51.100.40")

        for (let attempt = 1; attempt <= PER_CART; attempt++) {
          expect((await apply(cartId, `GUESS-${attempt}`, headers)).status).toBe(400)
        }
        expect((await apply(cartId, "REAL-CODE", headers)).status).toBe(200)
        expectRateLimited(await apply(cartId, "GUESS-NEXT", headers))
        // over the limit now: refused before any lookup, the applied code stays
        expectRateLimited(await apply(cartId, "REAL-CODE", headers))
        expect((await api.get(`/store/carts/${cartId}?fields=+coupon_codes.code`, store.storeHeaders)).data.cart.coupon_codes).toEqual([
          expect.objectContaining({ code: "REAL-CODE" }),
        ])
      })

      it("should count a refused code once when the storefront asks the validate route for its reason", async () => {
        const cartId = await createCart(api, store)
        const headers = from("198.51.100.41")
        const limiter = new CouponAttemptLimiter(
          await attemptCountersOf(getContainer(), couponService(getContainer()).getOptions().rate_limit)
        )

        for (let attempt = 1; attempt <= PER_CART; attempt++) {
          expect((await apply(cartId, `TYPO-${attempt}`, headers)).data.code).toBe("not_found")
          // what the storefront components do after a refused apply, and a shopper pressing Apply again
          expect((await validateCode(api, store, { code: `typo-${attempt}`, cart_id: cartId }, headers)).data).toMatchObject({
            valid: false,
            reason: "not_found",
          })
          expect((await apply(cartId, `TYPO-${attempt}`, headers)).data.code).toBe("not_found")
        }
        expect(await limiter.counts({ cart: cartId, ip: "198.51.100.41" })).toEqual({ cart: PER_CART, ip: PER_CART })
        // the same code on another cart is a new attempt
        const other = await createCart(api, store)
        expect((await apply(other, "TYPO-1", headers)).data.code).toBe("not_found")
        expect(await limiter.counts({ cart: other, ip: "198.51.100.41" })).toEqual({ cart: 1, ip: PER_CART + 1 })
      })

      it("should let a shopper using the storefront components make the allowed typos, apply a right code, and refuse the next typo", async () => {
        await createCoupon(getContainer(), { code: "REAL-CODE" })
        const cartId = await createCart(api, store)
        // the components' own apply path (what useCoupons runs) through the real JS SDK against this app
        const sdk = new Medusa({
          baseUrl: (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL,
          publishableKey: store.publishableKey,
          globalHeaders: { "x-forwarded-for": "198.51.100.42" },
        })
        const shopperApplies = (code: string) =>
          applyCoupon(sdk, cartId, code).then(
            () => null,
            (thrown: unknown) => explainApplyFailure(sdk, thrown, code, cartId)
          )

        for (let typo = 1; typo <= PER_CART; typo++) {
          expect(await shopperApplies(`TYPO-${typo}`)).toMatchObject({ reason: "not_found" })
        }
        expect(await shopperApplies("REAL-CODE")).toBeNull()
        expect(await shopperApplies(`TYPO-${PER_CART + 1}`)).toMatchObject({
          reason: "rate_limited",
          message: expect.stringMatching(/Try again in \d+ seconds/),
        })
      })

      it("should not count successful applies", async () => {
        await createCoupon(getContainer(), { code: "REAL-CODE" })
        const cartId = await createCart(api, store)
        const headers = from("198.51.100.2")

        expect((await apply(cartId, "GUESS-1", headers)).status).toBe(400)
        for (let round = 0; round < PER_CART * 2; round++) {
          expect((await apply(cartId, "REAL-CODE", headers)).status).toBe(200)
          expect((await remove(cartId, "REAL-CODE", headers)).status).toBe(200)
        }
        // one failure so far: the remaining ones are still answered
        for (let attempt = 2; attempt <= PER_CART; attempt++) {
          expect((await apply(cartId, `GUESS-${attempt}`, headers)).status).toBe(400)
        }
        expectRateLimited(await apply(cartId, "GUESS-LAST", headers))
      })

      it("should count failures per logged-in customer across carts and addresses", async () => {
        const email = "guesser@example.com"
        const password = "secret-password"
        const { data: registration } = await api.post("/auth/customer/emailpass/register", { email, password })
        await api.post("/store/customers", { email }, { headers: from("198.51.100.3", { authorization: `Bearer ${registration.token}` }) })
        const { data: login } = await api.post("/auth/customer/emailpass", { email, password })
        const auth = { authorization: `Bearer ${login.token}` }

        for (let attempt = 1; attempt <= PER_CUSTOMER; attempt++) {
          // a fresh cart and a fresh address each time: only the account ties them together
          const cartId = await createCart(api, store, { email, headers: auth })
          expect((await apply(cartId, `GUESS-${attempt}`, from(`198.51.100.${10 + attempt}`, auth))).status).toBe(400)
        }
        const cartId = await createCart(api, store, { email, headers: auth })
        expectRateLimited(await apply(cartId, "GUESS-NEXT", from("198.51.100.99", auth)))
        // a guest on that cart's twin is not the customer
        const guestCart = await createCart(api, store)
        expect((await apply(guestCart, "GUESS-NEXT", from("198.51.100.98"))).status).toBe(400)
      })
    })

    describe("POST /store/coupons/validate", () => {
      it("should answer 429 after the address used up its failed attempts; other addresses are unaffected", async () => {
        await createCoupon(getContainer(), { code: "REAL-CODE" })
        const headers = from("203.0.113.7")

        for (let attempt = 1; attempt <= PER_IP; attempt++) {
          const response = await validateCode(api, store, { code: `GUESS-${attempt}` }, headers)
          expect({ attempt, status: response.status, valid: response.data.valid }).toEqual({ attempt, status: 200, valid: false })
        }
        expectRateLimited(await validateCode(api, store, { code: "GUESS-NEXT" }, headers))
        expectRateLimited(await validateCode(api, store, { code: "REAL-CODE" }, headers))

        expect((await validateCode(api, store, { code: "GUESS-1" }, from("203.0.113.8"))).data.valid).toBe(false)
        expect((await validateCode(api, store, { code: "REAL-CODE" }, from("203.0.113.8"))).data.valid).toBe(true)
        // an IPv6 client is counted by its /64: a new address in it does not reset the count
        for (let attempt = 1; attempt <= PER_IP; attempt++) {
          expect((await validateCode(api, store, { code: `NOPE-${attempt}` }, from(`2001:db8:1:2::${attempt}`))).status).toBe(200)
        }
        expectRateLimited(await validateCode(api, store, { code: "NOPE" }, from("2001:db8:1:2:ffff::1")))
        expect((await validateCode(api, store, { code: "NOPE" }, from("2001:db8:1:3::1"))).status).toBe(200)
        // counted in PostgreSQL, not in this process's memory
        expect(await rows("ip:203.0.113.7")).toEqual([{ key: "ip:203.0.113.7", points: PER_IP + 2 }])
        expect(await rows("ip:2001:db8:1:2::/64")).toHaveLength(1)
      })

      it("should share the cart's count with the apply route and not count valid answers or malformed bodies", async () => {
        await createCoupon(getContainer(), { code: "REAL-CODE" })
        const cartId = await createCart(api, store)
        const headers = from("203.0.113.20")

        for (let round = 0; round < PER_CART * 2; round++) {
          expect((await validateCode(api, store, { code: "REAL-CODE", cart_id: cartId }, headers)).data.valid).toBe(true)
          expect((await validateCode(api, store, { code: 42, cart_id: cartId }, headers)).status).toBe(400)
        }
        expect((await validateCode(api, store, { code: "GUESS-1", cart_id: cartId }, headers)).data.valid).toBe(false)
        expect((await apply(cartId, "GUESS-2", headers)).status).toBe(400)
        expect((await validateCode(api, store, { code: "GUESS-3", cart_id: cartId }, headers)).data.valid).toBe(false)
        expectRateLimited(await apply(cartId, "GUESS-4", headers))
        expectRateLimited(await apply(cartId, "REAL-CODE", headers))
        expectRateLimited(await validateCode(api, store, { code: "REAL-CODE", cart_id: cartId }, headers))
      })

      it("should keep the counters where a second server instance sees them", async () => {
        const headers = from("203.0.113.30")
        for (let attempt = 1; attempt <= 2; attempt++) {
          await validateCode(api, store, { code: `GUESS-${attempt}` }, headers)
        }
        // a limiter built apart from the app's, as another instance would build it, on the same database
        const options = couponService(getContainer()).getOptions().rate_limit
        const second = new CouponAttemptLimiter(await attemptCountersOf(getContainer(), options))
        expect(await second.counts({ ip: "203.0.113.30" })).toEqual({ ip: 2 })

        const reservation = await second.reserve({ ip: "203.0.113.30" })
        expect(reservation.allowed).toBe(true)
        // what the other instance counts, the app sees
        for (let attempt = 3; attempt < PER_IP; attempt++) {
          await validateCode(api, store, { code: `GUESS-${attempt}` }, headers)
        }
        expectRateLimited(await validateCode(api, store, { code: "GUESS-NEXT" }, headers))
        expect(await rows("ip:203.0.113.30")).toEqual([{ key: "ip:203.0.113.30", points: expect.any(Number) }])
      })
    })
  },
})
