import { httpSuite } from "./fixtures/http-suite"
import { CouponError } from "../../src/modules/coupon/errors/coupon-error"
import { validateCouponWorkflow } from "../../src/workflows/validate-coupon"
import { applyCode, completeCart, createCart } from "./fixtures/checkout"
import { couponService, createCoupon, validateCode } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

/*
 * A merchant rule added through the workflow's hook. Hook handlers stay
 * registered for the whole process and a hook takes only one handler, so it
 * only ever acts on the one code made for it.
 */
const VIP_CODE = "VIP-ONLY-7F3K"
validateCouponWorkflow.hooks.validate(async ({ coupon }) => {
  if (coupon.code === VIP_CODE) {
    throw new CouponError("vip_only", "This code is for VIP members.")
  }
})

const HOUR = 60 * 60 * 1000

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  /** Asserts the 200 "does not apply" answer and returns it. */
  const expectInvalid = async (body: Record<string, unknown>, reason: string) => {
    const response = await validateCode(api, store, body)
    expect(response.status).toBe(200)
    expect(response.data).toEqual({
      valid: false,
      code: String(body.code).trim().toUpperCase(),
      reason,
      message: expect.any(String),
    })
    return response.data
  }

  const expectValid = async (body: Record<string, unknown>) => {
    const response = await validateCode(api, store, body)
    expect(response.status).toBe(200)
    expect(response.data).toEqual(expect.objectContaining({ valid: true }))
    return response.data
  }

  describe("POST /store/coupons/validate", () => {
    it("should answer not_found for a code that does not exist", async () => {
      await createCoupon(getContainer(), { code: "REAL-CODE" })

      const answer = await expectInvalid({ code: " nope-404 " }, "not_found")
      expect(answer.message).toBe("This code does not exist.")
    })

    it("should answer inactive for a code of a draft coupon", async () => {
      await createCoupon(getContainer(), { code: "DRAFTY", status: "draft" })

      await expectInvalid({ code: "drafty" }, "inactive")
    })

    it("should answer inactive for a disabled code of an active coupon", async () => {
      const { code } = await createCoupon(getContainer(), { code: "SWITCHED-OFF" })
      await expectValid({ code: "SWITCHED-OFF" })

      await couponService(getContainer()).updateCouponCodes({ id: code.id, status: "disabled" })

      await expectInvalid({ code: "switched-off" }, "inactive")
    })

    it("should answer not_started for a coupon that starts tomorrow", async () => {
      await createCoupon(getContainer(), {
        code: "SOON",
        starts_at: new Date(Date.now() + 24 * HOUR).toISOString(),
      })

      await expectInvalid({ code: "SOON" }, "not_started")
    })

    it("should answer expired for a coupon whose end has passed and for a code past its own expiry", async () => {
      await createCoupon(getContainer(), {
        code: "BYGONE",
        starts_at: new Date(Date.now() - 48 * HOUR).toISOString(),
        ends_at: new Date(Date.now() - HOUR).toISOString(),
      })
      const { code } = await createCoupon(getContainer(), { code: "CODE-EXPIRES" })
      await expectValid({ code: "CODE-EXPIRES" })
      await couponService(getContainer()).updateCouponCodes({ id: code.id, expires_at: new Date(Date.now() - HOUR) })

      await expectInvalid({ code: "BYGONE" }, "expired")
      await expectInvalid({ code: "CODE-EXPIRES" }, "expired")
    })

    it("should answer usage_limit_reached once the coupon's last use went to a real order", async () => {
      await createCoupon(getContainer(), { code: "ONLY-ONCE", usage_limit: 1 })
      const first = await createCart(api, store, { email: "first@example.com" })
      expect((await applyCode(api, store, first, "ONLY-ONCE")).status).toBe(200)
      expect((await completeCart(api, store, first)).data.type).toBe("order")

      await expectInvalid({ code: "ONLY-ONCE" }, "usage_limit_reached")
      const second = await createCart(api, store, { email: "second@example.com" })
      await expectInvalid({ code: "ONLY-ONCE", cart_id: second }, "usage_limit_reached")
    })

    it("should answer code_usage_limit_reached for a single-use code used by a real order", async () => {
      // the coupon itself is unlimited: only the code's own cap is reached
      await createCoupon(getContainer(), { code: "SINGLE-USE", code_usage_limit: 1 })
      const first = await createCart(api, store, { email: "first@example.com" })
      expect((await applyCode(api, store, first, "SINGLE-USE")).status).toBe(200)
      expect((await completeCart(api, store, first)).data.type).toBe("order")

      const second = await createCart(api, store, { email: "second@example.com" })
      await expectInvalid({ code: "SINGLE-USE", cart_id: second }, "code_usage_limit_reached")
    })

    it("should answer customer_limit_reached for an email that already completed an order with the code", async () => {
      await createCoupon(getContainer(), { code: "ONE-EACH", usage_limit_per_customer: 1 })
      const first = await createCart(api, store, { email: "repeat@example.com" })
      expect((await applyCode(api, store, first, "ONE-EACH")).status).toBe(200)
      expect((await completeCart(api, store, first)).data.type).toBe("order")

      const again = await createCart(api, store, { email: "repeat@example.com" })
      await expectInvalid({ code: "ONE-EACH", cart_id: again }, "customer_limit_reached")
      // someone else may still use it
      const other = await createCart(api, store, { email: "someone-else@example.com" })
      await expectValid({ code: "ONE-EACH", cart_id: other })
    })

    it("should answer email_not_allowed for a cart whose email is outside the allowed domains", async () => {
      await createCoupon(getContainer(), { code: "STAFF-ONLY", allowed_email_domains: ["*.acme.test"] })
      const outsider = await createCart(api, store, { email: "shopper@example.com" })
      const insider = await createCart(api, store, { email: "jo@mail.acme.test" })

      await expectInvalid({ code: "STAFF-ONLY", cart_id: outsider }, "email_not_allowed")
      await expectValid({ code: "STAFF-ONLY", cart_id: insider })
    })

    it("should answer min_subtotal_not_met for a cart below the minimum", async () => {
      await createCoupon(getContainer(), { code: "BIG-BASKET", min_subtotal: 150 })
      // Jacket 100 < 150
      const small = await createCart(api, store)
      // Jacket 100 + 3 × Socks 20 = 160 >= 150
      const large = await createCart(api, store, {
        items: [
          { variant_id: store.variantId, quantity: 1 },
          { variant_id: store.cheapVariantId, quantity: 3 },
        ],
      })

      const answer = await expectInvalid({ code: "BIG-BASKET", cart_id: small }, "min_subtotal_not_met")
      expect(answer.message).toContain("$50.00")
      await expectValid({ code: "BIG-BASKET", cart_id: large })
    })

    it("should answer sales_channel_not_allowed for a cart in the Outlet channel", async () => {
      await createCoupon(getContainer(), { code: "WEB-ONLY", sales_channel_ids: [store.salesChannelId] })
      const outlet = await createCart(api, store, { salesChannelId: store.otherSalesChannelId })
      const web = await createCart(api, store)

      await expectInvalid({ code: "WEB-ONLY", cart_id: outlet }, "sales_channel_not_allowed")
      await expectValid({ code: "WEB-ONLY", cart_id: web })
    })

    it("should answer currency_not_supported for a fixed USD coupon on a EUR cart", async () => {
      await createCoupon(getContainer(), {
        code: "FIVE-DOLLARS",
        discount_type: "fixed",
        discount_value: 5,
        currency_code: "usd",
      })
      const eurCart = await createCart(api, store, { region: "eur" })
      const usdCart = await createCart(api, store, { region: "usd" })

      await expectInvalid({ code: "FIVE-DOLLARS", cart_id: eurCart }, "currency_not_supported")
      await expectValid({ code: "FIVE-DOLLARS", cart_id: usdCart })
    })

    it("should answer not_combinable for a second code when the applied coupon does not stack", async () => {
      await createCoupon(getContainer(), { code: "SOLO-A" })
      await createCoupon(getContainer(), { code: "SOLO-B" })
      await createCoupon(getContainer(), { code: "STACK-A", combinable: true })
      await createCoupon(getContainer(), { code: "STACK-B", combinable: true })
      const solo = await createCart(api, store)
      const stacked = await createCart(api, store)
      expect((await applyCode(api, store, solo, "SOLO-A")).status).toBe(200)
      expect((await applyCode(api, store, stacked, "STACK-A")).status).toBe(200)

      await expectInvalid({ code: "SOLO-B", cart_id: solo }, "not_combinable")
      // a stackable code is refused next to a non-stackable one, and the other way round
      await expectInvalid({ code: "STACK-B", cart_id: solo }, "not_combinable")
      await expectInvalid({ code: "SOLO-B", cart_id: stacked }, "not_combinable")
      // two stackable coupons go together
      await expectValid({ code: "STACK-B", cart_id: stacked })
    })

    it("should answer already_applied for a code that is on the cart, whatever its spelling", async () => {
      await createCoupon(getContainer(), { code: "TWICE" })
      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, "TWICE")).status).toBe(200)

      await expectInvalid({ code: " twice ", cart_id: cartId }, "already_applied")
    })

    it("should answer valid with the public coupon fields and a discount preview for the cart", async () => {
      const { coupon } = await createCoupon(getContainer(), {
        code: "WELCOME10",
        name: "Welcome",
        usage_limit: 100,
        usage_limit_per_customer: 1,
        allowed_email_domains: ["example.com"],
      })
      const cartId = await createCart(api, store)

      const withCart = await validateCode(api, store, { code: "welcome10", cart_id: cartId })
      const withoutCart = await validateCode(api, store, { code: "welcome10" })

      const publicCoupon = {
        id: coupon.id,
        name: "Welcome",
        description: null,
        discount_type: "percentage",
        discount_value: 10,
        currency_code: null,
        // a fixed coupon's amount per currency (the shopper sees what each currency gets)
        amounts: null,
        target: "order",
        ends_at: expect.any(String),
        combinable: false,
      }
      // exact shape: no caps, counters, domains or backing promotion code leak out
      expect(withCart.status).toBe(200)
      expect(withCart.data).toEqual({
        valid: true,
        code: "WELCOME10",
        coupon: publicCoupon,
        // 10% of the Jacket's 100 (before tax, as Medusa's adjustments are)
        discount_preview: { amount: 10, currency_code: "usd" },
      })
      // without a cart: the checks that need one are named, to come at apply and completion
      expect(withoutCart.data).toEqual({
        valid: true,
        code: "WELCOME10",
        coupon: publicCoupon,
        checks_pending: ["already_applied", "not_combinable", "email_not_allowed", "email_required"],
      })
      // the preview did not touch the cart
      const cart = (await api.get(`/store/carts/${cartId}`, store.storeHeaders)).data.cart
      expect(cart.discount_total).toBe(0)
      expect(cart.total).toBe(121)
    })

    it("should refuse a request without a publishable key with 400", async () => {
      await createCoupon(getContainer(), { code: "WELCOME10" })

      const response = await validateCode(api, store, { code: "WELCOME10" }, {})

      expect(response.status).toBe(400)
      expect(response.data.message).toMatch(/publishable/i)
    })

    it("should refuse a malformed body with 400 invalid_data", async () => {
      for (const body of [{}, { code: "WELCOME10", extra: true }, { code: 123 }, { code: "   " }]) {
        const response = await validateCode(api, store, body)
        expect({ body, status: response.status, type: response.data.type }).toEqual({
          body,
          status: 400,
          type: "invalid_data",
        })
      }
    })

    it("should answer 404 for an unknown cart", async () => {
      await createCoupon(getContainer(), { code: "WELCOME10" })

      const response = await validateCode(api, store, { code: "WELCOME10", cart_id: "cart_does_not_exist" })

      expect(response.status).toBe(404)
      expect(response.data.type).toBe("not_found")
    })

    it("should answer with the reason of a merchant rule added through the validate hook", async () => {
      await createCoupon(getContainer(), { code: VIP_CODE })
      await createCoupon(getContainer(), { code: "EVERYONE" })
      const cartId = await createCart(api, store)

      const answer = await expectInvalid({ code: VIP_CODE.toLowerCase(), cart_id: cartId }, "vip_only")
      expect(answer.message).toBe("This code is for VIP members.")
      // the rule only concerns its own code
      await expectValid({ code: "EVERYONE", cart_id: cartId })
    })
  })

  describe("POST /store/carts/:id/coupons", () => {
    it("should refuse a code with 400 and the merchant rule's reason", async () => {
      await createCoupon(getContainer(), { code: VIP_CODE })
      const cartId = await createCart(api, store)

      const response = await applyCode(api, store, cartId, VIP_CODE)

      expect(response.status).toBe(400)
      expect(response.data).toEqual(
        expect.objectContaining({ type: "not_allowed", code: "vip_only", message: "This code is for VIP members." })
      )
      const cart = (await api.get(`/store/carts/${cartId}?fields=+coupon_codes.code`, store.storeHeaders)).data.cart
      expect(cart.coupon_codes).toEqual([])
      expect(cart.discount_total).toBe(0)
    })
  })
})
