import { Modules } from "@medusajs/framework/utils"
import { httpSuite } from "./fixtures/http-suite"
import { createCouponViaApi, fail } from "./fixtures/admin"
import { adjustmentSum, applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { backingPromotionCode, usageOf, validateCode } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

const TOTALS =
  "+discount_total,+discount_subtotal,+total,+promotions.code,+items.adjustments.amount,+items.adjustments.code,+coupon_codes.code"

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  /** The coupon's promotions by their code's suffix ("-EUR", "-EUR-TI"); a deleted coupon's by its backing code. */
  const promotionsOf = async (couponId: string, backing?: string) => {
    backing ??= await backingPromotionCode(getContainer(), couponId)
    const promotions = await getContainer()
      .resolve(Modules.PROMOTION)
      .listPromotions({ code: { $like: `${backing}%` } } as never, { relations: ["application_method"], take: null as never })
    return Object.fromEntries(
      promotions.map((promotion) => [
        promotion.code!.slice(backing.length) || "(backing)",
        {
          id: promotion.id,
          status: promotion.status,
          value: Number(promotion.application_method?.value),
          currency: promotion.application_method?.currency_code,
        },
      ])
    )
  }

  const multi = (body: Record<string, unknown> = {}) =>
    createCouponViaApi(api, store, {
      name: "Fifteen off, every currency",
      code: "MULTI",
      discount_type: "fixed",
      discount_value: undefined,
      amounts: { usd: 15, eur: 12 },
      ...body,
    })

  describe("amounts: a fixed coupon's value per currency", () => {
    it("should take each cart's own currency's amount, tax-exclusive and tax-inclusive, into the order and the ledger", async () => {
      const coupon = await multi()
      const { data } = await api.get(`/admin/coupons/${coupon.id}`, store.adminHeaders)
      // the primary currency (the first named) is what single-currency readers show
      expect(data.coupon).toMatchObject({ amounts: { usd: 15, eur: 12 }, currency_code: "usd", discount_value: 15 })

      const usd = await createCart(api, store, { region: "usd", email: "usd@example.com" })
      const eur = await createCart(api, store, { region: "eur", email: "eur@example.com" })
      const fr = await createCart(api, store, { region: "eurInclusive", email: "fr@example.com" })

      // the preview names the cart's currency and its amount
      const preview = await validateCode(api, store, { code: "MULTI", cart_id: eur })
      expect(preview.data).toMatchObject({ valid: true, discount_preview: { amount: 12, currency_code: "eur" } })
      expect(preview.data.coupon).toMatchObject({ discount_value: 12, currency_code: "eur" })

      for (const cartId of [usd, eur, fr]) {
        expect((await applyCode(api, store, cartId, "MULTI")).status).toBe(200)
      }
      const usdCart = await getCart(api, store, usd, TOTALS)
      expect(adjustmentSum(usdCart)).toBeCloseTo(15, 10)
      const eurCart = await getCart(api, store, eur, TOTALS)
      expect(adjustmentSum(eurCart)).toBeCloseTo(12, 10)
      expect(eurCart.discount_subtotal).toBe(12)
      // no internal promotion code reaches the shopper
      expect(JSON.stringify(eurCart)).not.toContain("CPN-")
      expect(eurCart.promotions.map((promotion: { code: string }) => promotion.code)).toEqual(["MULTI"])

      const orders = []
      for (const cartId of [usd, eur, fr]) {
        const completed = await completeCart(api, store, cartId)
        expect(completed.data.type).toBe("order")
        orders.push(completed.data.order)
      }
      const [usdOrder, eurOrder, frOrder] = orders
      expect(usdOrder).toMatchObject({ currency_code: "usd", discount_subtotal: 15 })
      expect(eurOrder).toMatchObject({ currency_code: "eur", discount_subtotal: 12 })
      // prices include VAT in "fr": 12 comes off the gross total, as a fixed EUR coupon does there
      expect(frOrder).toMatchObject({ currency_code: "eur", discount_total: 12, total: 100 - 12 + 10 })

      const usage = await usageOf(getContainer(), coupon.id)
      expect(usage.coupon_usage).toBe(3)
      const ledger = Object.fromEntries(
        usage.redemptions.map((row: { order_id: string; discount_amount: unknown; currency_code: string }) => [
          row.order_id,
          [Number(row.discount_amount), row.currency_code],
        ])
      )
      expect(ledger).toEqual({ [usdOrder.id]: [15, "usd"], [eurOrder.id]: [12, "eur"], [frOrder.id]: [12, "eur"] })
    })

    it("should refuse a currency without an amount with currency_not_supported, at validate, apply and Medusa's own route", async () => {
      await multi({ amounts: { usd: 15, gbp: 11 } })
      const eur = await createCart(api, store, { region: "eur" })

      const validated = await validateCode(api, store, { code: "MULTI", cart_id: eur })
      expect(validated.data).toMatchObject({
        valid: false,
        reason: "currency_not_supported",
        message: "This code cannot be used for purchases in EUR.",
      })
      const applied = await applyCode(api, store, eur, "MULTI")
      expect(applied.status).toBe(400)
      expect(applied.data).toMatchObject({ code: "currency_not_supported" })
      const native = await api
        .post(`/store/carts/${eur}/promotions`, { promo_codes: ["MULTI"] }, store.storeHeaders)
        .catch((error) => error.response)
      expect(native.status).toBe(400)
      expect(native.data).toMatchObject({ code: "currency_not_supported" })
      expect((await getCart(api, store, eur, TOTALS)).discount_subtotal).toBe(0)
    })

    it("should take the EUR amount through Medusa's own promotions route and cart update, as the Next.js starter sends it", async () => {
      await multi()
      const eur = await createCart(api, store, { region: "eur" })
      const added = await api.post(`/store/carts/${eur}/promotions`, { promo_codes: ["multi"] }, store.storeHeaders)
      expect(added.status).toBe(200)
      expect(adjustmentSum(added.data.cart)).toBeCloseTo(12, 10)
      expect(added.data.cart.promotions.map((promotion: { code: string }) => promotion.code)).toEqual(["MULTI"])

      // the starter sends every shown code back with each update: the EUR pair stays
      const updated = await api.post(`/store/carts/${eur}`, { promo_codes: ["MULTI"] }, store.storeHeaders)
      expect(updated.status).toBe(200)
      expect((await getCart(api, store, eur, TOTALS)).discount_subtotal).toBe(12)

      const removed = await api.post(`/store/carts/${eur}`, { promo_codes: [] }, store.storeHeaders)
      expect(removed.status).toBe(200)
      const cart = await getCart(api, store, eur, TOTALS)
      expect(cart.discount_subtotal).toBe(0)
      expect(cart.coupon_codes ?? []).toEqual([])
    })

    it("should follow a cart that moves from USD to EUR with the EUR amount", async () => {
      await multi()
      const cartId = await createCart(api, store, { region: "usd" })
      expect((await applyCode(api, store, cartId, "MULTI")).status).toBe(200)
      expect((await getCart(api, store, cartId, TOTALS)).discount_subtotal).toBe(15)

      await api.post(`/store/carts/${cartId}`, { region_id: store.eurRegionId }, store.storeHeaders)
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: store.cheapVariantId, quantity: 1 }, store.storeHeaders)
      const cart = await getCart(api, store, cartId, TOTALS + ",+currency_code")
      expect(cart.currency_code).toBe("eur")
      expect(adjustmentSum(cart)).toBeCloseTo(12, 10)
    })

    it("should carry an edit of the amounts to the open carts, and release the code where a currency is taken away", async () => {
      const coupon = await multi()
      const eur = await createCart(api, store, { region: "eur" })
      const usd = await createCart(api, store, { region: "usd" })
      expect((await applyCode(api, store, eur, "MULTI")).status).toBe(200)
      expect((await applyCode(api, store, usd, "MULTI")).status).toBe(200)

      await api.post(`/admin/coupons/${coupon.id}`, { amounts: { usd: 15, eur: 9 } }, store.adminHeaders)
      expect((await getCart(api, store, eur, TOTALS)).discount_subtotal).toBe(9)
      expect((await promotionsOf(coupon.id))["-EUR"]).toMatchObject({ status: "active", value: 9, currency: "eur" })

      // EUR taken away: the EUR cart loses the code and its discount, the USD cart keeps both
      const taken = await api.post(`/admin/coupons/${coupon.id}`, { amounts: { usd: 15, gbp: 11 } }, store.adminHeaders)
      // the map is replaced whole, not merged into the stored one
      expect(taken.data.coupon.amounts).toEqual({ usd: 15, gbp: 11 })
      expect(taken.data.coupon).toMatchObject({ currency_code: "usd", discount_value: 15 })
      const eurCart = await getCart(api, store, eur, TOTALS)
      expect(eurCart.discount_subtotal).toBe(0)
      expect(eurCart.coupon_codes ?? []).toEqual([])
      expect((await getCart(api, store, usd, TOTALS)).discount_subtotal).toBe(15)
      const promotions = await promotionsOf(coupon.id)
      expect(promotions["-EUR"]).toMatchObject({ status: "inactive" })
      expect(promotions["-EUR-TI"]).toMatchObject({ status: "inactive" })
      expect(promotions["-GBP"]).toMatchObject({ status: "active", value: 11, currency: "gbp" })

      // EUR back again: its pair is reused, not created twice
      await api.post(`/admin/coupons/${coupon.id}`, { amounts: { usd: 15, eur: 10 } }, store.adminHeaders)
      const again = await promotionsOf(coupon.id)
      expect(again["-EUR"]).toMatchObject({ id: promotions["-EUR"].id, status: "active", value: 10 })
      expect(again["-GBP"]).toMatchObject({ status: "inactive" })
      expect((await applyCode(api, store, eur, "MULTI")).status).toBe(200)
      expect((await getCart(api, store, eur, TOTALS)).discount_subtotal).toBe(10)

      // a deactivated coupon's pairs all stop discounting
      await api.post(`/admin/coupons/${coupon.id}`, { status: "inactive" }, store.adminHeaders)
      const off = await promotionsOf(coupon.id)
      expect(Object.values(off).map((promotion) => promotion.status)).toEqual(Object.values(off).map(() => "inactive"))
    })

    it("should keep the pairs out of Medusa's Promotions list, refuse their edit, and delete them with the coupon", async () => {
      const coupon = await multi()
      const pairs = await promotionsOf(coupon.id)
      expect(Object.keys(pairs).sort()).toEqual(["(backing)", "-EUR", "-EUR-TI", "-TI"])

      const listed = (await api.get("/admin/promotions?fields=code&limit=50", store.adminHeaders)).data
      expect(listed.promotions).toEqual([])
      const edit = await fail(api.post(`/admin/promotions/${pairs["-EUR"].id}`, { status: "inactive" }, store.adminHeaders))
      expect(edit.status).toBe(400)
      expect(edit.data.message).toContain(coupon.id)

      const backing = await backingPromotionCode(getContainer(), coupon.id)
      await api.delete(`/admin/coupons/${coupon.id}`, store.adminHeaders)
      expect(await promotionsOf(coupon.id, backing)).toEqual({})
    })

    it("should answer 400 for amounts that contradict the coupon, and write nothing", async () => {
      const refused = async (body: Record<string, unknown>) => {
        const response = await fail(api.post("/admin/coupons", { name: "Bad", code: "BAD", ...body }, store.adminHeaders))
        expect(response.status).toBe(400)
        expect(response.data.type).toBe("invalid_data")
        return response.data.message as string
      }
      expect(await refused({ discount_type: "percentage", discount_value: 10, amounts: { usd: 5 } })).toContain(
        "amounts are the values of a fixed discount"
      )
      expect(await refused({ discount_type: "fixed", amounts: { usd: 15 }, currency_code: "eur" })).toContain(
        "currency_code must be one of the currencies of amounts"
      )
      expect(await refused({ discount_type: "fixed", amounts: { usd: 15 }, currency_code: "usd", discount_value: 20 })).toContain(
        "set amounts.usd instead"
      )
      expect(await refused({ discount_type: "fixed", amounts: {} })).toContain("name at least one currency")
      expect(await refused({ discount_type: "fixed", amounts: { usd: -1 } })).toBeTruthy()
      expect(await refused({ discount_type: "fixed", amounts: { dollars: 5 } })).toBeTruthy()
      expect(
        await refused({
          discount_type: "percentage",
          discount_value: 10,
          currency_code: "usd",
          max_discount_amount: 5,
          max_discount_amounts: { usd: 5 },
        })
      ).toContain("not both")
      expect(await refused({ discount_type: "percentage", discount_value: 10, min_subtotal: 5, min_subtotals: { usd: 5 } })).toContain(
        "not both"
      )
      expect((await api.get("/admin/coupons?q=Bad", store.adminHeaders)).data.count).toBe(0)

      // an edit of discount_value alone on a coupon with amounts would leave the two apart
      const coupon = await multi()
      const edit = await fail(api.post(`/admin/coupons/${coupon.id}`, { discount_value: 20 }, store.adminHeaders))
      expect(edit.status).toBe(400)
      expect(edit.data.message).toContain("set amounts.usd instead")
      expect((await promotionsOf(coupon.id))["(backing)"]).toMatchObject({ value: 15 })
      // turning it into a percentage coupon takes the amounts away with it
      const changed = await api.post(
        `/admin/coupons/${coupon.id}`,
        { discount_type: "percentage", discount_value: 10, amounts: null },
        store.adminHeaders
      )
      expect(changed.data.coupon).toMatchObject({ discount_type: "percentage", amounts: null })
      expect((await promotionsOf(coupon.id))["-EUR"]).toMatchObject({ status: "inactive" })
    })
  })

  describe("max_discount_amounts and min_subtotals", () => {
    it("should cap a percentage per currency, in the cart, the order and the ledger", async () => {
      const coupon = await createCouponViaApi(api, store, {
        code: "HALF-CAPPED",
        discount_value: 50,
        max_discount_amounts: { usd: 10, eur: 8 },
      })
      const usd = await createCart(api, store, { region: "usd", email: "u@example.com" })
      const eur = await createCart(api, store, { region: "eur", email: "e@example.com" })
      const eurPreview = await validateCode(api, store, { code: "HALF-CAPPED", cart_id: eur })
      expect(eurPreview.data.discount_preview).toEqual({ amount: 8, currency_code: "eur" })
      for (const cartId of [usd, eur]) {
        expect((await applyCode(api, store, cartId, "HALF-CAPPED")).status).toBe(200)
      }
      expect(adjustmentSum(await getCart(api, store, usd, TOTALS))).toBeCloseTo(10, 10)
      expect(adjustmentSum(await getCart(api, store, eur, TOTALS))).toBeCloseTo(8, 10)

      const eurOrder = (await completeCart(api, store, eur)).data.order
      expect(eurOrder.discount_subtotal).toBe(8)
      const [row] = (await usageOf(getContainer(), coupon.id)).redemptions
      expect(Number(row.discount_amount)).toBe(8)

      // a currency without a cap is refused
      await api.post(`/admin/coupons/${coupon.id}`, { max_discount_amounts: { usd: 10 } }, store.adminHeaders)
      const other = await createCart(api, store, { region: "eur" })
      expect((await applyCode(api, store, other, "HALF-CAPPED")).data).toMatchObject({ code: "currency_not_supported" })
    })

    it("should hold each currency's minimum subtotal and name it in the cart's currency", async () => {
      await createCouponViaApi(api, store, { code: "MIN-EACH", discount_value: 10, min_subtotals: { usd: 150, eur: 50 } })
      const usd = await createCart(api, store, { region: "usd" })
      const refused = await applyCode(api, store, usd, "MIN-EACH")
      expect(refused.status).toBe(400)
      expect(refused.data).toMatchObject({
        code: "min_subtotal_not_met",
        message: "Add $50.00 more to your cart to use this code (minimum $150.00).",
      })
      const eur = await createCart(api, store, { region: "eur" })
      expect((await applyCode(api, store, eur, "MIN-EACH")).status).toBe(200)
      expect((await getCart(api, store, eur, TOTALS)).discount_subtotal).toBe(10)
      // an order in a currency the minimums do not name is refused
      const gbpOnly = await createCouponViaApi(api, store, { code: "MIN-GBP", discount_value: 10, min_subtotals: { gbp: 1 } })
      expect(gbpOnly.id).toBeTruthy()
      expect((await applyCode(api, store, usd, "MIN-GBP")).data).toMatchObject({ code: "currency_not_supported" })
    })
  })
})
