import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { createCoupon, usageOf } from "./fixtures/coupons"
import { createNativePromotion } from "./fixtures/promotions"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

jest.setTimeout(300_000)

/*
 * This file's store limits how discounts stack through its options, set
 * before the runner loads medusa-config.ts: automatic promotions do not
 * combine with coupons that are not combinable
 * (`combine_with_automatic_promotions: false`), and a cart holds at most two
 * codes (`max_codes_per_cart: 2`). The defaults (they combine, no limit) are
 * proven in store-cart-coupons.suite.ts and store-coupon-combinations.suite.ts.
 */
process.env.COUPON_COMBINE_WITH_AUTOMATIC_PROMOTIONS = "false"
process.env.COUPON_MAX_CODES_PER_CART = "2"

// jacket 100 and shipping 10 with 10% US tax; a 10% coupon takes 10 + 1 tax, the automatic promotion 5 + 0.5 tax
const COUPON_DISCOUNT = 11
const AUTOMATIC_DISCOUNT = 5.5

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture

    beforeEach(async () => {
      store = await createStoreFixture(getContainer())
    })

    const promotionCodes = async (cartId: string) =>
      ((await getCart(api, store, cartId, "*promotions")).promotions ?? []).map((promotion: { code: string }) => promotion.code).sort()
    const nativePromotions = (cartId: string, codes: string[]) =>
      api.post(`/store/carts/${cartId}/promotions`, { promo_codes: codes }, store.storeHeaders).catch((error) => error.response)

    describe("combine_with_automatic_promotions: false", () => {
      it("should refuse a coupon that is not combinable on a cart an automatic promotion discounts, naming the promotion", async () => {
        await createCoupon(getContainer(), { code: "SOLO", combinable: false })
        await createNativePromotion(getContainer(), "AUTO5", { automatic: true })
        const cartId = await createCart(api, store)
        expect(await promotionCodes(cartId)).toEqual(["AUTO5"])

        const response = await applyCode(api, store, cartId, "SOLO")
        expect(response.status).toBe(400)
        expect(response.data).toEqual({ type: "not_allowed", code: "not_combinable", message: "SOLO can't be combined with AUTO5." })
        // Medusa's own promotion route takes the same way in
        const native = await nativePromotions(cartId, ["SOLO"])
        expect({ status: native.status, code: native.data.code }).toEqual({ status: 400, code: "not_combinable" })

        expect(await promotionCodes(cartId)).toEqual(["AUTO5"])
        const { order } = (await completeCart(api, store, cartId)).data
        expect(order.discount_total).toBeCloseTo(AUTOMATIC_DISCOUNT, 2)
      })

      it("should still apply a combinable coupon beside an automatic promotion, and the order gets both", async () => {
        const { coupon } = await createCoupon(getContainer(), { code: "STACKS", combinable: true })
        await createNativePromotion(getContainer(), "AUTO5", { automatic: true })
        const cartId = await createCart(api, store)

        expect((await applyCode(api, store, cartId, "STACKS")).status).toBe(200)
        expect(await promotionCodes(cartId)).toEqual(["AUTO5", "STACKS"])
        const { order } = (await completeCart(api, store, cartId)).data
        expect(order.discount_total).toBeCloseTo(COUPON_DISCOUNT + AUTOMATIC_DISCOUNT, 2)
        expect((await usageOf(getContainer(), coupon.id)).redemptions).toHaveLength(1)
      })

      it("should not let both discount the order when an automatic promotion starts applying after the coupon", async () => {
        const { coupon } = await createCoupon(getContainer(), { code: "SOLO", combinable: false })
        // applies once every line is a single unit: not yet, the second line holds two
        await createNativePromotion(getContainer(), "AUTO5", {
          automatic: true,
          rules: [{ attribute: "items.quantity", operator: "eq", values: ["1"] }],
        })
        const cartId = await createCart(api, store, {
          items: [
            { variant_id: store.variantId, quantity: 1 },
            { variant_id: store.cheapVariantId, quantity: 2 },
          ],
        })
        expect(await promotionCodes(cartId)).toEqual([])
        expect((await applyCode(api, store, cartId, "SOLO")).status).toBe(200)

        // removing the second line lets the automatic promotion apply: the coupon leaves in the same
        // refresh (not later, in the cart.updated subscriber), so the answer already shows one discount
        const before = await getCart(api, store, cartId, "*items")
        const second = before.items.find((item: { variant_id: string }) => item.variant_id === store.cheapVariantId)
        const { data } = await api.delete(`/store/carts/${cartId}/line-items/${second.id}`, store.storeHeaders)
        expect(data.parent.discount_total).toBeCloseTo(AUTOMATIC_DISCOUNT, 2)
        expect(await promotionCodes(cartId)).toEqual(["AUTO5"])
        expect((await getCart(api, store, cartId, "+coupon_codes.code")).coupon_codes ?? []).toEqual([])

        const completed = await completeCart(api, store, cartId)
        expect(completed.data.type).toBe("order")
        // the order carries one discount: the coupon alone would be 11, the promotion alone 5.5
        expect(completed.data.order.discount_total).toBeCloseTo(AUTOMATIC_DISCOUNT, 2)
        expect((await usageOf(getContainer(), coupon.id)).redemptions).toEqual([])
      })
    })

    describe("max_codes_per_cart: 2", () => {
      it("should refuse a third code, coupon or Medusa's own, and take one again once a code is removed", async () => {
        for (const code of ["ONE", "TWO", "THREE"]) {
          await createCoupon(getContainer(), { code, combinable: true })
        }
        await createNativePromotion(getContainer(), "NATIVE5")
        const cartId = await createCart(api, store)
        expect((await applyCode(api, store, cartId, "ONE")).status).toBe(200)
        expect((await applyCode(api, store, cartId, "TWO")).status).toBe(200)

        const third = await applyCode(api, store, cartId, "THREE")
        expect(third.status).toBe(400)
        expect(third.data).toEqual({
          type: "not_allowed",
          code: "max_codes_reached",
          message: "At most 2 codes can be used per order. Remove one to use this code.",
        })
        // Medusa's own route counts its codes the same way, whichever it is given
        const native = await nativePromotions(cartId, ["NATIVE5"])
        expect({ status: native.status, code: native.data.code }).toEqual({ status: 400, code: "max_codes_reached" })
        expect((await nativePromotions(cartId, ["THREE"])).data.code).toBe("max_codes_reached")
        expect(await promotionCodes(cartId)).toEqual(["ONE", "TWO"])

        await api.delete(`/store/carts/${cartId}/coupons/TWO`, store.storeHeaders)
        expect((await nativePromotions(cartId, ["NATIVE5"])).status).toBe(200)
        // a native code counts: the cart is full again
        expect((await applyCode(api, store, cartId, "THREE")).data.code).toBe("max_codes_reached")
        const completed = await completeCart(api, store, cartId)
        expect(completed.data.type).toBe("order")
      })
    })
  },
})
