import { Modules } from "@medusajs/framework/utils"
import { httpSuite } from "./fixtures/http-suite"
import { createCouponViaApi } from "./fixtures/admin"
import { addPaymentSession, applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { createCoupon, usageOf } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

const TOTALS = "+discount_subtotal,+shipping_total,+shipping_subtotal,+shipping_methods.adjustments.amount,+total"
const WITH_CODES = `${TOTALS},+coupon_codes.code`

type CodeOnCart = { code: string; state?: string; reason?: string; message?: string }

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const codesOf = async (cartId: string): Promise<CodeOnCart[]> => (await getCart(api, store, cartId, WITH_CODES)).coupon_codes ?? []

  describe("changes reach open carts", () => {
    it("should charge an edited coupon's new value to a cart that already held it, at once and in the order", async () => {
      const coupon = await createCouponViaApi(api, store, { code: "NINETY", discount_value: 90 })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "NINETY")).status).toBe(200)
      expect((await getCart(api, store, cartId, TOTALS)).discount_subtotal).toBe(90)

      const edited = await api.post(`/admin/coupons/${coupon.id}`, { discount_value: 10 }, store.adminHeaders)
      expect(edited.status).toBe(200)

      // the untouched cart shows the new value right away
      const cart = await getCart(api, store, cartId, WITH_CODES)
      expect(cart.discount_subtotal).toBe(10)
      expect(cart.coupon_codes).toEqual([expect.objectContaining({ code: "NINETY", state: "active" })])

      const completed = await completeCart(api, store, cartId)
      expect(completed.data.type).toBe("order")
      expect(completed.data.order.discount_subtotal).toBe(10)
      const { redemptions } = await usageOf(getContainer(), coupon.id)
      expect(redemptions).toHaveLength(1)
      expect(Number(redemptions[0].discount_amount)).toBe(10)
    })

    it("should charge the coupon as it is at completion when its edit found the cart locked", async () => {
      const coupon = await createCouponViaApi(api, store, { code: "NINETY", discount_value: 90 })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "NINETY")).status).toBe(200)
      await addPaymentSession(api, store, cartId)

      // the cart is busy (as during another request of the shopper) while the admin edits
      const locking = getContainer().resolve(Modules.LOCKING)
      await locking.acquire(cartId, { expire: 30 })
      try {
        expect((await api.post(`/admin/coupons/${coupon.id}`, { discount_value: 10 }, store.adminHeaders)).status).toBe(200)
      } finally {
        await locking.release(cartId)
      }
      expect((await getCart(api, store, cartId, TOTALS)).discount_subtotal).toBe(90)

      // completion recomputes first: the old payment amount is not charged, a new session pays the new total
      const refused = await api.post(`/store/carts/${cartId}/complete`, {}, store.storeHeaders).catch((error) => error.response)
      expect(refused.data.type).not.toBe("order")
      expect((await getCart(api, store, cartId, TOTALS)).discount_subtotal).toBe(10)
      const completed = await completeCart(api, store, cartId)
      expect(completed.data.type).toBe("order")
      expect(completed.data.order.discount_subtotal).toBe(10)
      const { redemptions } = await usageOf(getContainer(), coupon.id)
      expect(Number(redemptions[0].discount_amount)).toBe(10)
    })

    it("should take a code off an open cart when an edit makes it inapplicable, so the cart checks out at full price", async () => {
      const coupon = await createCouponViaApi(api, store, { code: "TEN-OFF", discount_value: 10 })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "TEN-OFF")).status).toBe(200)
      expect((await getCart(api, store, cartId, TOTALS)).discount_subtotal).toBe(10)

      expect((await api.post(`/admin/coupons/${coupon.id}`, { min_subtotal: 500 }, store.adminHeaders)).status).toBe(200)

      const cart = await getCart(api, store, cartId, WITH_CODES)
      expect(cart.discount_subtotal).toBe(0)
      expect(cart.coupon_codes ?? []).toEqual([])

      const completed = await completeCart(api, store, cartId)
      expect(completed.data.type).toBe("order")
      expect(completed.data.order.discount_subtotal).toBe(0)
      expect((await usageOf(getContainer(), coupon.id)).redemptions).toHaveLength(0)
    })

    it("should take a code off an open cart when its coupon's end date is moved to the past", async () => {
      const coupon = await createCouponViaApi(api, store, { code: "ENDS-SOON", discount_value: 10 })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "ENDS-SOON")).status).toBe(200)

      const past = new Date(Date.now() - 60_000).toISOString()
      expect((await api.post(`/admin/coupons/${coupon.id}`, { ends_at: past }, store.adminHeaders)).status).toBe(200)

      const cart = await getCart(api, store, cartId, WITH_CODES)
      expect(cart.discount_subtotal).toBe(0)
      expect(cart.coupon_codes ?? []).toEqual([])
      const completed = await completeCart(api, store, cartId)
      expect(completed.data.order.discount_subtotal).toBe(0)
    })

    it("should take a code off an open cart when the code's own expiry is moved to the past", async () => {
      const { coupon, code } = await createCoupon(getContainer(), { code: "CODE-ENDS" })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "CODE-ENDS")).status).toBe(200)

      const past = new Date(Date.now() - 60_000).toISOString()
      const edited = await api.post(`/admin/coupons/${coupon.id}/codes/${code.id}`, { expires_at: past }, store.adminHeaders)
      expect(edited.status).toBe(200)

      const cart = await getCart(api, store, cartId, WITH_CODES)
      expect(cart.discount_subtotal).toBe(0)
      expect(cart.coupon_codes ?? []).toEqual([])
      const completed = await completeCart(api, store, cartId)
      expect(completed.data.type).toBe("order")
      expect(completed.data.order.discount_subtotal).toBe(0)
    })
  })

  describe("codes that wait", () => {
    it("should keep free shipping waiting until a shipping method is chosen, then discount it in the order and the ledger", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "FREESHIP", discount_type: "free_shipping", discount_value: 0 })
      const cartId = await createCart(api, store, { shipping: false })
      expect((await applyCode(api, store, cartId, "FREESHIP")).status).toBe(200)

      expect(await codesOf(cartId)).toEqual([
        {
          id: expect.any(String),
          code: "FREESHIP",
          state: "waiting",
          reason: "no_matching_items",
          message: "Choose a shipping method to use this code.",
        },
      ])

      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: store.shippingOptionId }, store.storeHeaders)

      const cart = await getCart(api, store, cartId, WITH_CODES)
      expect(cart.shipping_total).toBe(0)
      expect(cart.shipping_methods[0].adjustments.map((adjustment: { amount: number }) => adjustment.amount)).toEqual([10])
      expect(cart.coupon_codes).toEqual([{ id: expect.any(String), code: "FREESHIP", state: "active" }])

      const completed = await completeCart(api, store, cartId)
      expect(completed.data.type).toBe("order")
      expect(completed.data.order.shipping_total).toBe(0)
      const { redemptions } = await usageOf(getContainer(), coupon.id)
      expect(redemptions).toHaveLength(1)
      expect(Number(redemptions[0].discount_amount)).toBe(10)
    })

    it("should keep a code applied to an empty cart waiting until an item is added, then discount it", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "EARLY10" })
      const cartId = await createCart(api, store, { items: [], shipping: false })
      expect((await applyCode(api, store, cartId, "EARLY10")).status).toBe(200)

      expect(await codesOf(cartId)).toEqual([
        expect.objectContaining({ code: "EARLY10", state: "waiting", reason: "no_matching_items", message: expect.any(String) }),
      ])

      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: store.variantId, quantity: 1 }, store.storeHeaders)
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: store.shippingOptionId }, store.storeHeaders)

      const cart = await getCart(api, store, cartId, WITH_CODES)
      expect(cart.discount_subtotal).toBe(10)
      expect(cart.coupon_codes).toEqual([{ id: expect.any(String), code: "EARLY10", state: "active" }])

      const completed = await completeCart(api, store, cartId)
      expect(completed.data.order.discount_subtotal).toBe(10)
      const { redemptions } = await usageOf(getContainer(), coupon.id)
      expect(redemptions).toHaveLength(1)
      expect(Number(redemptions[0].discount_amount)).toBe(10)
    })

    it("should show a capped code on a cart without an email as waiting for one, and active once it is given", async () => {
      await createCoupon(getContainer(), { code: "ONCE-EACH", usage_limit_per_customer: 1 })
      const cartId = await createCart(api, store, { email: null })
      expect((await applyCode(api, store, cartId, "ONCE-EACH")).status).toBe(200)

      expect(await codesOf(cartId)).toEqual([
        {
          id: expect.any(String),
          code: "ONCE-EACH",
          state: "waiting",
          reason: "email_required",
          message: "Enter your email address to use this code.",
        },
      ])

      await api.post(`/store/carts/${cartId}`, { email: "shopper@example.com" }, store.storeHeaders)
      expect(await codesOf(cartId)).toEqual([{ id: expect.any(String), code: "ONCE-EACH", state: "active" }])
    })

    it("should show the state in the apply route's cart too", async () => {
      await createCoupon(getContainer(), { code: "FREESHIP", discount_type: "free_shipping", discount_value: 0 })
      const cartId = await createCart(api, store, { shipping: false })
      const applied = await applyCode(api, store, cartId, "FREESHIP")
      expect(applied.status).toBe(200)
      expect(applied.data.cart.coupon_codes).toEqual([
        expect.objectContaining({ code: "FREESHIP", state: "waiting", reason: "no_matching_items" }),
      ])
    })
  })
})
