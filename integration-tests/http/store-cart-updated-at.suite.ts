import { httpSuite } from "./fixtures/http-suite"
import { applyCode, createCart, getCart } from "./fixtures/checkout"
import { createCoupon } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

/*
 * Storefronts keep the newest cart they have seen by `updated_at` (the
 * storefront package does): a code change must move it, though Medusa leaves
 * it alone when only promotions and adjustments change.
 */
export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
    await createCoupon(getContainer(), { code: "TEN-OFF", discount_type: "percentage", discount_value: 10 })
  })

  const updatedAt = async (cartId: string) => new Date((await getCart(api, store, cartId, "updated_at")).updated_at).getTime()

  describe("a cart's updated_at", () => {
    it("should move forward when a code is applied, and the apply answer should carry it", async () => {
      const cartId = await createCart(api, store)
      const before = await updatedAt(cartId)
      const response = await applyCode(api, store, cartId, "TEN-OFF")
      expect(response.status).toBe(200)
      const after = await updatedAt(cartId)
      expect(after).toBeGreaterThan(before)
      expect(new Date(response.data.cart.updated_at).getTime()).toBe(after)
    })

    it("should move forward when a code is removed", async () => {
      const cartId = await createCart(api, store)
      await applyCode(api, store, cartId, "TEN-OFF")
      const applied = await updatedAt(cartId)
      const response = await api.delete(`/store/carts/${cartId}/coupons/TEN-OFF`, store.storeHeaders)
      expect(response.status).toBe(200)
      const after = await updatedAt(cartId)
      expect(after).toBeGreaterThan(applied)
      expect(new Date(response.data.cart.updated_at).getTime()).toBe(after)
    })

    it("should move forward when a code comes and goes through Medusa's promo_codes", async () => {
      const cartId = await createCart(api, store)
      const before = await updatedAt(cartId)
      await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: ["ten-off"] }, store.storeHeaders)
      const applied = await updatedAt(cartId)
      expect(applied).toBeGreaterThan(before)
      await api.delete(`/store/carts/${cartId}/promotions`, { ...store.storeHeaders, data: { promo_codes: ["TEN-OFF"] } })
      expect(await updatedAt(cartId)).toBeGreaterThan(applied)
    })

    it("should stay as it was when a code is refused", async () => {
      const cartId = await createCart(api, store)
      const before = await updatedAt(cartId)
      const response = await applyCode(api, store, cartId, "NO-SUCH-CODE")
      expect(response.status).toBe(400)
      expect(await updatedAt(cartId)).toBe(before)
    })
  })
})
