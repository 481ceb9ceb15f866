import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { applyCode, createCart } from "./fixtures/checkout"
import { couponService, createCoupon, validateCode } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

jest.setTimeout(180_000)

/** What a shopper may learn about a coupon: never counters, caps, emails or the other codes. */
const SECRETS = ["usage_count", "usage_limit", "usage_limit_per_customer", "assigned_email", "allowed_email_domains", "batch_id", "coupon_id"]

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture

    beforeEach(async () => {
      store = await createStoreFixture(getContainer())
    })

    describe("store coupon responses", () => {
      it("should answer validate and apply with exactly the keys a shopper needs", async () => {
        const { coupon } = await createCoupon(getContainer(), {
          code: "MINE-1",
          usage_limit: 50,
          usage_limit_per_customer: 3,
          allowed_email_domains: ["example.com"],
        })
        // other codes of the same coupon, one assigned to somebody
        await couponService(getContainer()).createCouponCodes([
          { coupon_id: coupon.id, code: "OTHER-2" },
          { coupon_id: coupon.id, code: "OTHER-3", assigned_email: "vip@example.com" },
        ] as never)
        const cartId = await createCart(api, store)

        const valid = await validateCode(api, store, { code: "mine-1", cart_id: cartId })
        const invalid = await validateCode(api, store, { code: "NOPE", cart_id: cartId })
        const applied = await applyCode(api, store, cartId, "MINE-1")
        const refused = await applyCode(api, store, cartId, "NOPE")

        expect(Object.keys(valid.data).sort()).toEqual(["code", "coupon", "discount_preview", "valid"])
        expect(Object.keys(valid.data.coupon).sort()).toEqual(
          ["combinable", "currency_code", "description", "discount_type", "discount_value", "ends_at", "id", "name", "target"].sort()
        )
        expect(Object.keys(valid.data.discount_preview).sort()).toEqual(["amount", "currency_code"])
        expect(Object.keys(invalid.data).sort()).toEqual(["code", "message", "reason", "valid"])
        expect(Object.keys(refused.data).sort()).toEqual(["code", "message", "type"])

        expect(applied.status).toBe(200)
        expect(Object.keys(applied.data)).toEqual(["cart"])
        expect(applied.data.cart.coupon_codes).toEqual([{ id: expect.any(String), code: "MINE-1" }])

        for (const answer of [valid.data, invalid.data, applied.data, refused.data]) {
          const text = JSON.stringify(answer)
          for (const secret of SECRETS) {
            expect({ secret, found: text.includes(`"${secret}"`) }).toEqual({ secret, found: false })
          }
          expect(text).not.toContain("OTHER-2")
          expect(text).not.toContain("OTHER-3")
          expect(text).not.toContain("vip@example.com")
          expect(text).not.toContain("example.com\"]")
        }
        // the validate answers never name the coupon's backing promotion
        expect(JSON.stringify([valid.data, invalid.data, refused.data])).not.toMatch(/CPN-/)
      })
    })
  },
})
