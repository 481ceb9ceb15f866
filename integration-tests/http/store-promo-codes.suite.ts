import { httpSuite } from "./fixtures/http-suite"
import { CouponAttemptLimiter } from "../../src/api/store/coupons/rate-limit/attempts"
import { attemptCountersOf } from "../../src/api/store/coupons/rate-limit/limiter-for-app"
import { completeCart, createCart, getCart } from "./fixtures/checkout"
import { couponService, createCoupon, usageOf } from "./fixtures/coupons"
import { createNativePromotion } from "./fixtures/promotions"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

/*
 * Coupon codes typed into a storefront's own promotion field: `promo_codes` of
 * Medusa's cart update (what the Next.js starter sends) and promotions routes.
 * USD cart: Jacket 100 + 10 % tax, shipping 10 + 1 tax → total 121.
 */
const USD_BASE_TOTAL = 121

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const from = (ip: string) => ({ headers: { ...store.storeHeaders.headers, "x-forwarded-for": ip } })
  const cartUpdate = (cartId: string, promoCodes: string[], ip = "192.0.2.10") =>
    api
      .post(`/store/carts/${cartId}?fields=*promotions,+coupon_codes.code`, { promo_codes: promoCodes }, from(ip))
      .catch((error) => error.response)
  const addPromotions = (cartId: string, promoCodes: string[], ip = "192.0.2.10") =>
    api.post(`/store/carts/${cartId}/promotions`, { promo_codes: promoCodes }, from(ip)).catch((error) => error.response)
  const removePromotions = (cartId: string, promoCodes: string[]) =>
    api
      .delete(`/store/carts/${cartId}/promotions`, { ...store.storeHeaders, data: { promo_codes: promoCodes } })
      .catch((error) => error.response)
  const state = async (cartId: string) => {
    const cart = await getCart(api, store, cartId, "*promotions,+coupon_codes.code")
    return {
      total: cart.total,
      promotions: (cart.promotions ?? []).map((promotion: { code: string }) => promotion.code).sort(),
      coupon_codes: (cart.coupon_codes ?? []).map((code: { code: string }) => code.code).sort(),
    }
  }
  const nativePromotion = (code: string) => createNativePromotion(getContainer(), code)

  describe("POST /store/carts/:id { promo_codes }", () => {
    it("should apply a coupon code typed in any case with spaces, as the starter sends it, and keep it on later updates", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "WELCOME10" })
      const cartId = await createCart(api, store)

      const response = await cartUpdate(cartId, ["  welcome10 "])
      expect(response.status).toBe(200)
      // 10 off the Jacket and 1 of its tax
      expect(response.data.cart.total).toBe(USD_BASE_TOTAL - 11)
      expect(response.data.cart.promotions.map((promotion: { code: string }) => promotion.code)).toEqual(["WELCOME10"])
      expect(await state(cartId)).toEqual({ total: USD_BASE_TOTAL - 11, promotions: ["WELCOME10"], coupon_codes: ["WELCOME10"] })

      // the starter sends every code shown on each change: nothing new, nothing applied twice
      expect((await cartUpdate(cartId, ["WELCOME10"])).status).toBe(200)
      expect(await state(cartId)).toEqual({ total: USD_BASE_TOTAL - 11, promotions: ["WELCOME10"], coupon_codes: ["WELCOME10"] })
      // and removes one by leaving it out
      expect((await cartUpdate(cartId, [])).status).toBe(200)
      expect(await state(cartId)).toEqual({ total: USD_BASE_TOTAL, promotions: [], coupon_codes: [] })

      // checked out with a code only ever entered through promo_codes
      expect((await cartUpdate(cartId, ["welcome10"])).status).toBe(200)
      const completed = await completeCart(api, store, cartId)
      expect(completed.data.type).toBe("order")
      expect(completed.data.order.discount_total).toBe(11)
      const usage = await usageOf(getContainer(), coupon.id)
      expect(usage.coupon_usage).toBe(1)
      expect(usage.redemptions).toEqual([expect.objectContaining({ order_id: completed.data.order.id, code: "WELCOME10" })])
    })

    it("should apply native and coupon codes of one list, each by its own engine", async () => {
      await createCoupon(getContainer(), { code: "STACKS", combinable: true })
      await nativePromotion("NATIVE5")
      const cartId = await createCart(api, store)

      const response = await cartUpdate(cartId, ["NATIVE5", "stacks"])
      expect(response.status).toBe(200)
      expect(await state(cartId)).toEqual({ total: expect.any(Number), promotions: ["NATIVE5", "STACKS"], coupon_codes: ["STACKS"] })
      expect((await state(cartId)).total).toBeLessThan(USD_BASE_TOTAL - 11)
    })

    it("should refuse a code with its reason in words and leave the cart's other codes and totals as they were", async () => {
      await createCoupon(getContainer(), { code: "STACKS", combinable: true })
      await createCoupon(getContainer(), {
        code: "SUMMER25",
        combinable: true,
        starts_at: new Date("2020-01-01"),
        ends_at: new Date("2020-02-01"),
      } as never)
      await createCoupon(getContainer(), { code: "BIG", combinable: true, min_subtotal: 500 } as never)
      await nativePromotion("NATIVE5")
      const cartId = await createCart(api, store)
      expect((await cartUpdate(cartId, ["NATIVE5"])).status).toBe(200)
      const before = await state(cartId)

      const expired = await cartUpdate(cartId, ["NATIVE5", "STACKS", "summer25"])
      expect(expired.status).toBe(400)
      expect(expired.data).toEqual({ type: "not_allowed", code: "expired", message: "Code SUMMER25 has expired." })
      // STACKS was fine, but the update as a whole was refused: it is not left behind
      expect(await state(cartId)).toEqual(before)

      const short = await addPromotions(cartId, ["BIG"])
      expect(short.status).toBe(400)
      expect(short.data.code).toBe("min_subtotal_not_met")
      expect(short.data.message).toMatch(/^Code BIG: Add \$\d+\.\d\d more/)
      expect(await state(cartId)).toEqual(before)

      // a code that is nothing at all: Medusa's own answer, and nothing changes either
      const typo = await cartUpdate(cartId, ["NATIVE5", "STACKS", "NO-SUCH-CODE"])
      expect(typo.status).toBe(400)
      expect(typo.data.type).toBe("invalid_data")
      expect(await state(cartId)).toEqual(before)
    })

    it("should count refused and unknown codes as failed attempts, once each", async () => {
      await createCoupon(getContainer(), {
        code: "SUMMER25",
        starts_at: new Date("2020-01-01"),
        ends_at: new Date("2020-02-01"),
      } as never)
      const cartId = await createCart(api, store)
      const limiter = new CouponAttemptLimiter(
        await attemptCountersOf(getContainer(), couponService(getContainer()).getOptions().rate_limit)
      )

      expect((await cartUpdate(cartId, ["SUMMER25"], "192.0.2.50")).status).toBe(400)
      expect((await addPromotions(cartId, ["summer25"], "192.0.2.50")).status).toBe(400)
      expect((await cartUpdate(cartId, ["TYPO-1"], "192.0.2.50")).status).toBe(400)
      expect(await limiter.counts({ cart: cartId, ip: "192.0.2.50" })).toEqual({ cart: 2, ip: 2 })
    })
  })

  describe("POST /store/carts/:id/promotions and DELETE", () => {
    it("should apply a coupon code through Medusa's promotions route and remove it through its removal route", async () => {
      await createCoupon(getContainer(), { code: "WELCOME10" })
      const cartId = await createCart(api, store)

      const added = await addPromotions(cartId, ["Welcome10"])
      expect(added.status).toBe(200)
      expect(added.data.cart.total).toBe(USD_BASE_TOTAL - 11)
      expect(await state(cartId)).toEqual({ total: USD_BASE_TOTAL - 11, promotions: ["WELCOME10"], coupon_codes: ["WELCOME10"] })

      // already on the cart: nothing more
      expect((await addPromotions(cartId, ["WELCOME10"])).status).toBe(200)
      expect((await state(cartId)).total).toBe(USD_BASE_TOTAL - 11)

      expect((await removePromotions(cartId, ["welcome10"])).status).toBe(200)
      expect(await state(cartId)).toEqual({ total: USD_BASE_TOTAL, promotions: [], coupon_codes: [] })
    })
  })
})
