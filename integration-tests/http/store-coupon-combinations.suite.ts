import { httpSuite } from "./fixtures/http-suite"
import { createCouponViaApi, fail } from "./fixtures/admin"
import { applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

const TOTALS = "+discount_subtotal,+shipping_discount_total,+coupon_codes.code"

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const coupon = (code: string, body: Record<string, unknown>) => createCouponViaApi(api, store, { name: code, code, ...body })
  const nativePromotion = (code: string, target_type: "order" | "items") =>
    api.post(
      "/admin/promotions",
      {
        code,
        type: "standard",
        status: "active",
        is_automatic: false,
        application_method: { type: "fixed", target_type, allocation: "across", value: 5, currency_code: "usd" },
      },
      store.adminHeaders
    )

  describe("combines_with: Shopify's discount classes", () => {
    it("should stack an order discount with free shipping when each combines with the other's class", async () => {
      await coupon("ORDER10", { discount_value: 10, combines_with: { order: false, product: false, shipping: true } })
      await coupon("FREESHIP", { discount_type: "free_shipping", combines_with: { order: true, product: false, shipping: false } })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "ORDER10")).status).toBe(200)
      expect((await applyCode(api, store, cartId, "FREESHIP")).status).toBe(200)
      const cart = await getCart(api, store, cartId, TOTALS)
      expect(cart.discount_subtotal).toBe(10 + 10)
      expect(cart.coupon_codes.map((code: { code: string }) => code.code).sort()).toEqual(["FREESHIP", "ORDER10"])
      const order = (await completeCart(api, store, cartId)).data.order
      expect(order.discount_subtotal).toBe(20)
    })

    it("should refuse a class the coupon on the cart does not combine with, naming the code it clashes with", async () => {
      await coupon("ORDER10", { discount_value: 10, combines_with: { order: false, product: false, shipping: true } })
      // a product discount (it targets items) that would combine with orders: the order coupon does not allow products
      await coupon("SHIRTS5", { discount_value: 5, target: "items", combines_with: { order: true, product: true, shipping: true } })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "ORDER10")).status).toBe(200)
      const refused = await applyCode(api, store, cartId, "SHIRTS5")
      expect(refused.status).toBe(400)
      expect(refused.data).toMatchObject({ code: "not_combinable", message: "SHIRTS5 can't be combined with ORDER10." })

      // and the other way round: each side must allow the other
      const other = await createCart(api, store)
      expect((await applyCode(api, store, other, "SHIRTS5")).status).toBe(200)
      expect((await applyCode(api, store, other, "ORDER10")).data).toMatchObject({
        code: "not_combinable",
        message: "ORDER10 can't be combined with SHIRTS5.",
      })
    })

    it("should keep combinable's meaning: false stacks with no class, true with every class", async () => {
      const welcome = await coupon("WELCOME10", { discount_value: 10, combinable: false })
      await coupon("FREESHIP", { discount_type: "free_shipping", combinable: true })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "WELCOME10")).status).toBe(200)
      expect((await applyCode(api, store, cartId, "FREESHIP")).data).toMatchObject({
        code: "not_combinable",
        message: "FREESHIP can't be combined with WELCOME10.",
      })
      const { data } = await api.get(`/admin/coupons/${welcome.id}`, store.adminHeaders)
      expect(data.coupon).toMatchObject({ combinable: false, combines_with: null })

      // naming the classes sets combinable from them; combinable alone clears them again
      const classes = await api.post(
        `/admin/coupons/${welcome.id}`,
        { combines_with: { order: false, product: false, shipping: true } },
        store.adminHeaders
      )
      expect(classes.data.coupon).toMatchObject({ combinable: true, combines_with: { order: false, product: false, shipping: true } })
      expect((await applyCode(api, store, cartId, "FREESHIP")).status).toBe(200)
      const plain = await api.post(`/admin/coupons/${welcome.id}`, { combinable: false }, store.adminHeaders)
      expect(plain.data.coupon).toMatchObject({ combinable: false, combines_with: null })
      // the cart holding both lost the one that no longer combines
      const cart = await getCart(api, store, cartId, TOTALS)
      expect(cart.coupon_codes.length).toBe(1)

      const contradiction = await fail(
        api.post(
          "/admin/coupons",
          {
            name: "X",
            code: "XCLASH",
            discount_type: "percentage",
            discount_value: 5,
            combinable: false,
            combines_with: { order: true, product: false, shipping: false },
          },
          store.adminHeaders
        )
      )
      expect(contradiction.status).toBe(400)
      expect(contradiction.data.message).toContain("combinable says whether combines_with names any class")
    })

    it("should hold the classes against Medusa's own promotion codes on its own route", async () => {
      await coupon("ORDER10", { discount_value: 10, combines_with: { order: false, product: true, shipping: true } })
      await nativePromotion("ITEMS5", "items")
      await nativePromotion("ORDER5", "order")
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "ORDER10")).status).toBe(200)
      // a product-class promotion stacks with it, an order-class one does not
      const items = await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: ["ITEMS5"] }, store.storeHeaders)
      expect(items.status).toBe(200)
      const order = await api
        .post(`/store/carts/${cartId}/promotions`, { promo_codes: ["ORDER5"] }, store.storeHeaders)
        .catch((error) => error.response)
      expect(order.status).toBe(400)
      expect(order.data).toMatchObject({ code: "not_combinable", message: "ORDER5 can't be combined with ORDER10." })

      // the coupon typed after the native code is refused the same way
      const other = await createCart(api, store)
      expect((await api.post(`/store/carts/${other}/promotions`, { promo_codes: ["ORDER5"] }, store.storeHeaders)).status).toBe(200)
      expect((await applyCode(api, store, other, "ORDER10")).data).toMatchObject({
        code: "not_combinable",
        message: "ORDER10 can't be combined with ORDER5.",
      })
    })

    describe("priority: the order stacked coupons apply in", () => {
      const ADJUSTMENTS = "+discount_subtotal,+items.adjustments.amount,+items.adjustments.code"
      const byCode = (cart: { items: { adjustments?: { code: string; amount: number }[] }[] }) =>
        Object.fromEntries(
          cart.items
            .flatMap((item) => item.adjustments ?? [])
            .reduce(
              (sums, adjustment) => sums.set(adjustment.code, (sums.get(adjustment.code) ?? 0) + Number(adjustment.amount)),
              new Map()
            )
        )

      it("should apply the higher priority first, each on what the one before left, in the cart, the order and the ledger", async () => {
        // Medusa's engine applies the larger value first (15 before 10%): 15 + 8.5
        const fixed = await coupon("FIXED15", { discount_type: "fixed", discount_value: 15, currency_code: "usd", combinable: true })
        const percent = await coupon("PCT10", { discount_value: 10, combinable: true, priority: 10 })
        const cartId = await createCart(api, store)
        expect((await applyCode(api, store, cartId, "FIXED15")).status).toBe(200)
        expect((await applyCode(api, store, cartId, "PCT10")).status).toBe(200)
        // PCT10 first: 10% of 100, then 15 off the 90 left
        let cart = await getCart(api, store, cartId, ADJUSTMENTS)
        expect(byCode(cart)).toEqual({ PCT10: 10, FIXED15: 15 })
        expect(cart.discount_subtotal).toBe(25)

        // every cart change keeps the order: a second jacket doubles the base
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: store.variantId, quantity: 1 }, store.storeHeaders)
        cart = await getCart(api, store, cartId, ADJUSTMENTS)
        expect(byCode(cart)).toEqual({ PCT10: 20, FIXED15: 15 })

        // the admin turns the order round: the open cart follows
        await api.post(`/admin/coupons/${percent.id}`, { priority: 0 }, store.adminHeaders)
        await api.post(`/admin/coupons/${fixed.id}`, { priority: 20 }, store.adminHeaders)
        cart = await getCart(api, store, cartId, ADJUSTMENTS)
        expect(byCode(cart)).toEqual({ FIXED15: 15, PCT10: 18.5 })

        const completed = await completeCart(api, store, cartId)
        expect(completed.data.type).toBe("order")
        expect(completed.data.order.discount_subtotal).toBe(33.5)
        const rows = await getContainer()
          .resolve("coupon")
          .listCouponRedemptions({ order_id: completed.data.order.id }, { select: ["code", "discount_amount"] })
        expect(
          Object.fromEntries(rows.map((row: { code: string; discount_amount: unknown }) => [row.code, Number(row.discount_amount)]))
        ).toEqual({
          FIXED15: 15,
          PCT10: 18.5,
        })
      })

      it("should leave Medusa's own order when the priorities are equal", async () => {
        await coupon("FIXED15", { discount_type: "fixed", discount_value: 15, currency_code: "usd", combinable: true })
        await coupon("PCT10", { discount_value: 10, combinable: true })
        const cartId = await createCart(api, store)
        await applyCode(api, store, cartId, "PCT10")
        await applyCode(api, store, cartId, "FIXED15")
        expect(byCode(await getCart(api, store, cartId, ADJUSTMENTS))).toEqual({ FIXED15: 15, PCT10: 8.5 })
      })
    })
  })
})
