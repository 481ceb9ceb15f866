import { httpSuite } from "./fixtures/http-suite"
import { applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { couponService, createCoupon, validateCode } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

/** What a shopper may learn about a coupon: never counters, caps, emails or the other codes. */
const SECRETS = [
  "usage_count",
  "usage_limit",
  "usage_limit_per_customer",
  "assigned_email",
  "allowed_email_domains",
  "batch_id",
  "coupon_id",
]

export default httpSuite(({ api, getContainer }) => {
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
        [
          "amounts",
          "combinable",
          "currency_code",
          "description",
          "discount_type",
          "discount_value",
          "ends_at",
          "id",
          "name",
          "target",
        ].sort()
      )
      expect(Object.keys(valid.data.discount_preview).sort()).toEqual(["amount", "currency_code"])
      expect(Object.keys(invalid.data).sort()).toEqual(["code", "message", "reason", "valid"])
      expect(Object.keys(refused.data).sort()).toEqual(["code", "message", "type"])

      expect(applied.status).toBe(200)
      expect(Object.keys(applied.data)).toEqual(["cart"])
      expect(applied.data.cart.coupon_codes).toEqual([{ id: expect.any(String), code: "MINE-1", state: "active" }])

      for (const answer of [valid.data, invalid.data, applied.data, refused.data]) {
        const text = JSON.stringify(answer)
        for (const secret of SECRETS) {
          expect({ secret, found: text.includes(`"${secret}"`) }).toEqual({ secret, found: false })
        }
        expect(text).not.toContain("OTHER-2")
        expect(text).not.toContain("OTHER-3")
        expect(text).not.toContain("vip@example.com")
        expect(text).not.toContain('example.com"]')
      }
      // the validate answers never name the coupon's backing promotion
      expect(JSON.stringify([valid.data, invalid.data, refused.data])).not.toMatch(/CPN-/)
    })

    it("should show the coupon's discount under the shopper's code on Medusa's own cart and order routes, never the backing promotion's code", async () => {
      await createCoupon(getContainer(), { code: "MINE-2" })
      const cartId = await createCart(api, store, { email: "shopper@example.com" })
      const storeCall = { headers: store.storeHeaders.headers }
      const noInternalCode = (body: unknown) => expect(JSON.stringify(body)).not.toMatch(/CPN-/)
      const named = (cart: any) => ({
        promotions: cart.promotions.map((promotion: { code: string }) => promotion.code),
        adjustments: cart.items.flatMap((item: any) => item.adjustments.map((adjustment: { code: string }) => adjustment.code)),
        discount_total: cart.discount_total,
      })
      const discounted = { promotions: ["MINE-2"], adjustments: ["MINE-2"], discount_total: 11 }

      const applied = await applyCode(api, store, cartId, "mine-2")
      noInternalCode(applied.data)
      expect(named(applied.data.cart)).toEqual(discounted)

      // Medusa's own routes: the cart, and the cart update a storefront sends back with the codes it was shown
      const fetched = await api.get(`/store/carts/${cartId}?fields=*items.adjustments,*promotions`, storeCall)
      noInternalCode(fetched.data)
      expect(named(fetched.data.cart)).toEqual(discounted)
      const replaced = await api.post(
        `/store/carts/${cartId}?fields=*items.adjustments,*promotions`,
        { promo_codes: ["MINE-2"] },
        storeCall
      )
      noInternalCode(replaced.data)
      expect(named(replaced.data.cart)).toEqual(discounted)
      expect((await getCart(api, store, cartId, "+coupon_codes.code")).coupon_codes).toEqual([
        { id: expect.any(String), code: "MINE-2", state: "active" },
      ])

      const completed = await completeCart(api, store, cartId)
      expect(completed.data.type).toBe("order")
      noInternalCode(completed.data)
      const order = completed.data.order
      expect(order.items.flatMap((item: any) => item.adjustments.map((adjustment: { code: string }) => adjustment.code))).toEqual([
        "MINE-2",
      ])
      const read = await api.get(`/store/orders/${order.id}?fields=*items.adjustments`, storeCall).catch((error) => error.response)
      noInternalCode(read.data)
      expect(read.status).toBe(200)
      expect(read.data.order.items[0].adjustments.map((adjustment: { code: string }) => adjustment.code)).toEqual(["MINE-2"])
    })

    it("should let a storefront remove the discount by the code it was shown", async () => {
      await createCoupon(getContainer(), { code: "MINE-3" })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "MINE-3")).status).toBe(200)

      const removed = await api.delete(`/store/carts/${cartId}/promotions`, {
        ...store.storeHeaders,
        data: { promo_codes: ["MINE-3"] },
      })

      expect(removed.status).toBe(200)
      expect(removed.data.cart.promotions).toEqual([])
      expect(removed.data.cart.discount_total).toBe(0)
      // the code goes with its discount: nothing stays linked without it
      expect((await getCart(api, store, cartId, "+coupon_codes.code")).coupon_codes).toEqual([])
    })

    it("should unlink a coupon code that a cart update's promo_codes list leaves out", async () => {
      await createCoupon(getContainer(), { code: "MINE-4" })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "MINE-4")).status).toBe(200)

      const kept = await api.post(`/store/carts/${cartId}`, { promo_codes: ["MINE-4"] }, store.storeHeaders)
      expect(kept.data.cart.discount_total).toBe(11)
      const updated = await api.post(`/store/carts/${cartId}`, { promo_codes: [] }, store.storeHeaders)

      expect(updated.status).toBe(200)
      expect(updated.data.cart.discount_total).toBe(0)
      expect((await getCart(api, store, cartId, "+coupon_codes.code")).coupon_codes).toEqual([])
      // and it can be applied again
      expect((await applyCode(api, store, cartId, "MINE-4")).status).toBe(200)
    })
  })
})
