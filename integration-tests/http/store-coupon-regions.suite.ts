import { httpSuite } from "./fixtures/http-suite"
import { createCouponViaApi } from "./fixtures/admin"
import { applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { usageOf, validateCode } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const usOnly = () => createCouponViaApi(api, store, { code: "US-ONLY", region_ids: [store.regionId] })

  describe("region_ids", () => {
    it("should refuse a US-only code on an EUR cart at validate and apply", async () => {
      await usOnly()
      const eurCart = await createCart(api, store, { region: "eur" })

      const validated = await validateCode(api, store, { code: "US-ONLY", cart_id: eurCart })
      expect(validated.status).toBe(200)
      expect(validated.data).toMatchObject({
        valid: false,
        reason: "region_not_allowed",
        message: "This code is not valid in your region.",
      })

      const applied = await applyCode(api, store, eurCart, "US-ONLY")
      expect(applied.status).toBe(400)
      expect(applied.data).toMatchObject({ type: "not_allowed", code: "region_not_allowed" })
      expect((await getCart(api, store, eurCart, "+discount_total")).discount_total).toBe(0)

      // the same code in its region applies and completes with its discount
      const usCart = await createCart(api, store, { region: "usd" })
      expect((await validateCode(api, store, { code: "US-ONLY", cart_id: usCart })).data.valid).toBe(true)
      expect((await applyCode(api, store, usCart, "US-ONLY")).status).toBe(200)
      const completed = await completeCart(api, store, usCart)
      expect(completed.data.type).toBe("order")
      // 10% of 100, and Medusa's discount_total includes the 10% US tax on it
      expect(completed.data.order.discount_total).toBe(11)
    })

    it("should take the code off an open cart whose region the edited coupon no longer names, so it checks out at full price", async () => {
      const coupon = await usOnly()
      const usCart = await createCart(api, store, { region: "usd" })
      expect((await applyCode(api, store, usCart, "US-ONLY")).status).toBe(200)

      await api.post(`/admin/coupons/${coupon.id}`, { region_ids: [store.eurRegionId] }, store.adminHeaders)
      const cart = (await api.get(`/store/carts/${usCart}?fields=+coupon_codes.code`, store.storeHeaders)).data.cart
      expect({ codes: cart.coupon_codes, discount: cart.discount_total }).toEqual({ codes: [], discount: 0 })
      const completed = await completeCart(api, store, usCart)
      expect(completed.status).toBe(200)
      expect(completed.data.order.discount_total).toBe(0)
      expect((await usageOf(getContainer(), coupon.id)).redemptions).toHaveLength(0)
    })

    it("should not carry a US-only discount into an order after the cart moved to EUR", async () => {
      const coupon = await usOnly()
      const cartId = await createCart(api, store, { region: "usd" })
      expect((await applyCode(api, store, cartId, "US-ONLY")).status).toBe(200)

      await api.post(`/store/carts/${cartId}`, { region_id: store.eurRegionId }, store.storeHeaders)
      const completed = await completeCart(api, store, cartId)
      // either the code left the cart with the region change or completion refuses it: never a discounted EUR order
      if (completed.status === 200) {
        expect(completed.data.order.currency_code).toBe("eur")
        expect(completed.data.order.discount_total).toBe(0)
      } else {
        expect(completed.data).toMatchObject({ code: "region_not_allowed" })
      }
      expect((await usageOf(getContainer(), coupon.id)).redemptions).toHaveLength(0)
    })
  })
})
