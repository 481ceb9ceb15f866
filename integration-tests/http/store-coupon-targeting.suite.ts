import { httpSuite } from "./fixtures/http-suite"
import { createCouponViaApi, fail } from "./fixtures/admin"
import { classifyProducts, CatalogFixture } from "./fixtures/catalog"
import { applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

const CART_FIELDS = "+discount_subtotal,+shipping_discount_total,*items,*items.adjustments"

type Line = { variant_id: string; adjustments?: { amount: number }[] }

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture
  let catalog: CatalogFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
    catalog = await classifyProducts(getContainer(), store)
  })

  /** A Jacket (100) and two pairs of Socks (20 each) unless told otherwise. */
  const cartWith = (jackets: number, socks: number, options: Parameters<typeof createCart>[2] = {}) =>
    createCart(api, store, {
      items: [
        ...(jackets ? [{ variant_id: store.variantId, quantity: jackets }] : []),
        ...(socks ? [{ variant_id: store.cheapVariantId, quantity: socks }] : []),
      ],
      ...options,
    })

  /** Discount on the lines of each product, pre-tax. */
  const lineDiscounts = async (cartId: string) => {
    const cart = await getCart(api, store, cartId, CART_FIELDS)
    const of = (variantId: string) =>
      (cart.items as Line[])
        .filter((item) => item.variant_id === variantId)
        .flatMap((item) => item.adjustments ?? [])
        .reduce((sum, adjustment) => sum + Number(adjustment.amount), 0)
    return { jacket: of(store.variantId), socks: of(store.cheapVariantId), total: cart.discount_subtotal, cart }
  }

  const coupon = (code: string, body: Record<string, unknown>) => createCouponViaApi(api, store, { code, ...body })

  describe("targets", () => {
    it("should discount only the lines of the targeted products, in the cart and in the order", async () => {
      await coupon("SOCKS-10", { targets: { product_ids: [catalog.socksProductId] } })
      const cartId = await cartWith(1, 2)
      expect((await applyCode(api, store, cartId, "SOCKS-10")).status).toBe(200)

      const discounts = await lineDiscounts(cartId)
      expect(discounts.socks).toBeCloseTo(4, 2)
      expect(discounts.jacket).toBe(0)
      expect(discounts.total).toBeCloseTo(4, 2)

      const completed = await completeCart(api, store, cartId)
      expect(completed.data.type).toBe("order")
      expect(completed.data.order.discount_subtotal).toBeCloseTo(4, 2)
    })

    it.each([
      ["collection", "collection_ids", "collectionId"],
      ["category", "category_ids", "categoryId"],
      ["product type", "type_ids", "typeId"],
    ] as const)("should discount only the lines in the targeted %s", async (_kind, key, fixtureKey) => {
      await coupon("FILED-10", { targets: { [key]: [catalog[fixtureKey]] } })
      const cartId = await cartWith(1, 2)
      expect((await applyCode(api, store, cartId, "FILED-10")).status).toBe(200)
      const discounts = await lineDiscounts(cartId)
      expect(discounts.jacket).toBeCloseTo(10, 2)
      expect(discounts.socks).toBe(0)
    })

    it("should leave excluded lines alone and discount the rest", async () => {
      await coupon("NOT-COATS", { excluded_targets: { category_ids: [catalog.categoryId] } })
      const cartId = await cartWith(1, 2)
      expect((await applyCode(api, store, cartId, "NOT-COATS")).status).toBe(200)
      const discounts = await lineDiscounts(cartId)
      expect(discounts.jacket).toBe(0)
      expect(discounts.socks).toBeCloseTo(4, 2)
    })

    it("should refuse a targeted code with no_matching_items when no line matches", async () => {
      await coupon("SOCKS-ONLY", { targets: { product_ids: [catalog.socksProductId] } })
      const jacketOnly = await cartWith(1, 0)
      const refused = await applyCode(api, store, jacketOnly, "SOCKS-ONLY")
      expect(refused.status).toBe(400)
      expect(refused.data).toMatchObject({ type: "not_allowed", code: "no_matching_items" })
      expect(refused.data.message).toMatch(/does not apply to any item/)
      expect((await lineDiscounts(jacketOnly)).total).toBe(0)

      const validated = await api.post("/store/coupons/validate", { code: "SOCKS-ONLY", cart_id: jacketOnly }, store.storeHeaders)
      expect(validated.data).toMatchObject({ valid: false, reason: "no_matching_items" })
    })

    it("should limit free shipping to the chosen shipping options", async () => {
      await coupon("SHIP-STD", { discount_type: "free_shipping", shipping_option_ids: [store.shippingOptionId] })
      await coupon("SHIP-EXPRESS", { discount_type: "free_shipping", shipping_option_ids: ["so_express_only"] })
      const cartId = await cartWith(1, 0)

      const other = await applyCode(api, store, cartId, "SHIP-EXPRESS")
      expect(other.status).toBe(400)
      expect(other.data.code).toBe("no_matching_items")
      expect(other.data.message).toMatch(/shipping method/)

      expect((await applyCode(api, store, cartId, "SHIP-STD")).status).toBe(200)
      const cart = await getCart(api, store, cartId, CART_FIELDS)
      expect(cart.shipping_discount_total).toBeCloseTo(11, 2) // 10 shipping + 10% tax
      expect(cart.discount_subtotal).toBeCloseTo(10, 2)
    })

    it("should refuse targets that mix kinds and shipping options on an item discount, listing both", async () => {
      const refused = await fail(
        api.post(
          "/admin/coupons",
          {
            name: "Mixed",
            discount_type: "percentage",
            discount_value: 10,
            targets: { product_ids: [catalog.socksProductId], collection_ids: [catalog.collectionId] },
            shipping_option_ids: [store.shippingOptionId],
          },
          store.adminHeaders
        )
      )
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/targets names one kind of lines/)
      expect(refused.data.message).toMatch(/shipping_option_ids limit shipping discounts only/)
    })

    it("should follow new targets after an update, on the backing promotion too", async () => {
      const created = await coupon("RETARGET", { targets: { product_ids: [catalog.socksProductId] } })
      await api.post(`/admin/coupons/${created.id}`, { targets: { product_ids: [catalog.jacketProductId] } }, store.adminHeaders)
      const cartId = await cartWith(1, 2)
      expect((await applyCode(api, store, cartId, "RETARGET")).status).toBe(200)
      const discounts = await lineDiscounts(cartId)
      expect(discounts.jacket).toBeCloseTo(10, 2)
      expect(discounts.socks).toBe(0)
    })
  })

  describe("cart conditions", () => {
    it("should ask for a minimum quantity of matching items with min_quantity_not_met", async () => {
      await coupon("THREE-SOCKS", { targets: { product_ids: [catalog.socksProductId] }, min_quantity: 3 })
      const two = await cartWith(5, 2) // plenty of jackets: they do not count
      const refused = await applyCode(api, store, two, "THREE-SOCKS")
      expect(refused.status).toBe(400)
      expect(refused.data.code).toBe("min_quantity_not_met")
      expect(refused.data.message).toMatch(/Add 1 more eligible item/)

      const three = await cartWith(0, 3)
      expect((await applyCode(api, store, three, "THREE-SOCKS")).status).toBe(200)
    })

    it("should ask for a minimum subtotal of matching items, not of the cart", async () => {
      await coupon("SOCKS-50", { targets: { product_ids: [catalog.socksProductId] }, min_matching_subtotal: 50 })
      const refused = await applyCode(api, store, await cartWith(3, 2), "SOCKS-50") // cart 340, socks 40
      expect(refused.status).toBe(400)
      expect(refused.data.code).toBe("min_subtotal_not_met")
      expect(refused.data.message).toMatch(/Add \$10\.00 more of eligible items/)
      expect((await applyCode(api, store, await cartWith(0, 3), "SOCKS-50")).status).toBe(200)
    })
  })

  describe("buy X get Y", () => {
    const buyTwoGetOne = (code: string, extra: Record<string, unknown> = {}) =>
      coupon(code, {
        discount_type: "buy_get",
        discount_value: 100,
        buy_quantity: 2,
        get_quantity: 1,
        buy_targets: { product_ids: [catalog.socksProductId] },
        targets: { product_ids: [catalog.socksProductId] },
        ...extra,
      })

    it("should apply buy 2 get 1 free twice for 6 items, and keep it on the order", async () => {
      await buyTwoGetOne("B2G1")
      const cartId = await cartWith(1, 6)
      expect((await applyCode(api, store, cartId, "B2G1")).status).toBe(200)
      const discounts = await lineDiscounts(cartId)
      expect(discounts.socks).toBeCloseTo(40, 2) // two free pairs
      expect(discounts.jacket).toBe(0)

      const completed = await completeCart(api, store, cartId)
      expect(completed.data.order.discount_subtotal).toBeCloseTo(40, 2)
    })

    it("should stop at max_applications", async () => {
      await buyTwoGetOne("B2G1-ONCE", { max_applications: 1 })
      const cartId = await cartWith(0, 6)
      expect((await applyCode(api, store, cartId, "B2G1-ONCE")).status).toBe(200)
      expect((await lineDiscounts(cartId)).socks).toBeCloseTo(20, 2)
    })

    it("should refuse a cart that does not qualify once with min_quantity_not_met", async () => {
      await buyTwoGetOne("B2G1-SHORT")
      const refused = await applyCode(api, store, await cartWith(1, 2), "B2G1-SHORT")
      expect(refused.status).toBe(400)
      expect(refused.data.code).toBe("min_quantity_not_met")
      expect(refused.data.message).toMatch(/Buy 2 and get 1 at 100% off: add 1 more eligible item/)
    })

    it("should require the buy lines and quantities", async () => {
      const refused = await fail(
        api.post("/admin/coupons", { name: "Half", discount_type: "buy_get", discount_value: 50 }, store.adminHeaders)
      )
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/buy_quantity is required/)
      expect(refused.data.message).toMatch(/get_quantity is required/)
      expect(refused.data.message).toMatch(/buy_targets must name the lines to buy/)
    })
  })
})
