import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { applyCode, createCart } from "./fixtures/checkout"
import { couponService, createCoupon, validateCode } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

jest.setTimeout(180_000)

/*
 * This file's store answers every refusal that would tell a guesser a code exists
 * alike (`uniform_refusals: true`, set before the runner loads medusa-config.ts):
 * unknown, disabled, expired, used up and sent to someone else.
 */
process.env.COUPON_UNIFORM_REFUSALS = "true"

const DAY = 86_400_000

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture

    beforeEach(async () => {
      store = await createStoreFixture(getContainer())
    })

    /** One code of each kind a guesser could tell apart without the option. */
    const codesOfEveryKind = async () => {
      const service = couponService(getContainer())
      const disabled = await createCoupon(getContainer(), { code: "OFF-CODE" })
      await service.updateCoupons({ id: disabled.coupon.id, status: "inactive" })
      const expired = await createCoupon(getContainer(), { code: "OLD-CODE" })
      await service.updateCoupons({
        id: expired.coupon.id,
        starts_at: new Date(Date.now() - 10 * DAY),
        ends_at: new Date(Date.now() - DAY),
      })
      const usedUp = await createCoupon(getContainer(), { code: "USED-CODE" })
      await service.updateCouponCodes({ id: usedUp.code.id, usage_limit: 1, usage_count: 1 })
      const theirs = await createCoupon(getContainer(), { code: "THEIR-CODE" })
      await service.updateCouponCodes({ id: theirs.code.id, assigned_email: "someone-else@example.com" })
      return ["NO-SUCH-CODE", "OFF-CODE", "OLD-CODE", "USED-CODE", "THEIR-CODE"]
    }

    it("should answer validate alike for unknown, disabled, expired, used-up and not-yours codes", async () => {
      const codes = await codesOfEveryKind()
      const cartId = await createCart(api, store, { email: "guesser@example.com" })

      const answers = await Promise.all(codes.map((code) => validateCode(api, store, { code, cart_id: cartId })))

      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200])
      expect(answers.map((answer) => answer.data)).toEqual(
        codes.map((code) => ({ valid: false, code, reason: "invalid_code", message: "This code is not valid." }))
      )
    })

    it("should refuse them alike on apply and on Medusa's promo_codes, and keep the reasons that depend on the cart", async () => {
      const codes = await codesOfEveryKind()
      const cartId = await createCart(api, store, { email: "guesser@example.com" })

      for (const code of codes) {
        const applied = await applyCode(api, store, cartId, code)
        expect({ status: applied.status, body: applied.data }).toEqual({
          status: 400,
          body: { type: "not_allowed", code: "invalid_code", message: "This code is not valid." },
        })
        const typed = await api.post(`/store/carts/${cartId}`, { promo_codes: [code] }, store.storeHeaders).catch((error) => error.response)
        expect({ status: typed.status, body: typed.data }).toEqual({
          status: 400,
          body: { type: "not_allowed", code: "invalid_code", message: `Code ${code} is not valid.` },
        })
      }

      await createCoupon(getContainer(), { code: "BIG-SPENDER", min_subtotal: 10_000 })
      const cartSide = await applyCode(api, store, cartId, "BIG-SPENDER")
      expect(cartSide.status).toBe(400)
      expect(cartSide.data.code).toBe("min_subtotal_not_met")
    })
  },
})
