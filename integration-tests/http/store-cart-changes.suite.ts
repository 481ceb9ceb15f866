import { httpSuite } from "./fixtures/http-suite"
import { applyCode, createCart, getCart } from "./fixtures/checkout"
import { createCoupon } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

const APPLIED = "+coupon_codes.code"

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  // the cart.updated subscriber runs after the response; wait for it, bounded
  const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs
    let value = await read()
    while (!done(value) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      value = await read()
    }
    return value
  }
  const codesOn = (cart: { coupon_codes?: { code: string }[] }) => (cart.coupon_codes ?? []).map((c) => c.code)

  describe("cart changes after a code was applied", () => {
    it("should keep a code that still applies when a quantity changes, with Medusa's recomputed discount", async () => {
      await createCoupon(getContainer(), { code: "KEEPME", min_subtotal: 30 })
      const cartId = await createCart(api, store, { items: [{ variant_id: store.cheapVariantId, quantity: 2 }], shipping: false })
      expect((await applyCode(api, store, cartId, "KEEPME")).status).toBe(200)
      const before = await getCart(api, store, cartId, APPLIED)
      // 2 socks at 20: 10 % of 40
      expect(before.discount_subtotal).toBe(4)

      const lineId = before.items[0].id
      await api.post(`/store/carts/${cartId}/line-items/${lineId}`, { quantity: 3 }, store.storeHeaders)
      const after = await eventually(
        () => getCart(api, store, cartId, APPLIED),
        (cart) => cart.discount_subtotal === 6
      )
      // 3 socks at 20 = 60, still above the minimum of 30: 10 % of 60
      expect(codesOn(after)).toEqual(["KEEPME"])
      expect(after.discount_subtotal).toBe(6)
    })

    it("should drop a code when the cart falls under its minimum subtotal", async () => {
      await createCoupon(getContainer(), { code: "MIN50", min_subtotal: 50 })
      const cartId = await createCart(api, store, { items: [{ variant_id: store.cheapVariantId, quantity: 3 }], shipping: false })
      expect((await applyCode(api, store, cartId, "MIN50")).status).toBe(200)
      const lineId = (await getCart(api, store, cartId)).items[0].id

      await api.post(`/store/carts/${cartId}/line-items/${lineId}`, { quantity: 1 }, store.storeHeaders)
      const after = await eventually(
        () => getCart(api, store, cartId, APPLIED),
        (cart) => codesOn(cart).length === 0
      )
      expect(codesOn(after)).toEqual([])
      expect(after.discount_total).toBe(0)
      expect(after.promotions).toEqual([])
    })

    it("should drop a domain-limited code when the email changes to another domain", async () => {
      await createCoupon(getContainer(), { code: "STAFFONLY", allowed_email_domains: ["example.com"] })
      const cartId = await createCart(api, store, { email: "me@example.com", shipping: false })
      expect((await applyCode(api, store, cartId, "STAFFONLY")).status).toBe(200)

      await api.post(`/store/carts/${cartId}`, { email: "me@elsewhere.io" }, store.storeHeaders)
      const after = await eventually(
        () => getCart(api, store, cartId, APPLIED),
        (cart) => codesOn(cart).length === 0
      )
      expect(codesOn(after)).toEqual([])
      expect(after.discount_total).toBe(0)
    })

    it("should drop a fixed USD code when the cart moves to the EUR region", async () => {
      await createCoupon(getContainer(), { code: "FIVEUSD", discount_type: "fixed", discount_value: 5, currency_code: "usd" })
      const cartId = await createCart(api, store, { shipping: false })
      expect((await applyCode(api, store, cartId, "FIVEUSD")).status).toBe(200)

      await api.post(`/store/carts/${cartId}`, { region_id: store.eurRegionId }, store.storeHeaders)
      const after = await eventually(
        () => getCart(api, store, cartId, APPLIED),
        (cart) => codesOn(cart).length === 0
      )
      expect(after.currency_code).toBe("eur")
      expect(codesOn(after)).toEqual([])
      expect(after.discount_total).toBe(0)
    })
  })
})
