import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { httpSuite } from "./fixtures/http-suite"
import { normalizeEmailKeysSql } from "../../src/modules/coupon/utils/normalize-email-keys-sql"
import { createCouponViaApi } from "./fixtures/admin"
import { applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { couponService, createCoupon, usageOf, validateCode } from "./fixtures/coupons"
import { logIn } from "./fixtures/customers"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const cartCodes = async (cartId: string) =>
    (await getCart(api, store, cartId, "+completed_at,+coupon_codes.code")) as {
      completed_at: string | null
      coupon_codes: { code: string }[]
    }

  describe("POST /store/carts/:id/complete of a cart with no email and no customer", () => {
    it("should keep a capped code waiting on the cart and refuse completion with email_required", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "WELCOME10", usage_limit_per_customer: 1 })

      for (const attempt of [1, 2]) {
        const cartId = await createCart(api, store, { email: null })
        const applied = await applyCode(api, store, cartId, "WELCOME10")
        expect({ attempt, status: applied.status }).toEqual({ attempt, status: 200 })

        const refused = await completeCart(api, store, cartId)
        expect({ attempt, status: refused.status, code: refused.data.code }).toEqual({
          attempt,
          status: 400,
          code: "email_required",
        })
        // the cart stays as it was: open, with its code
        const cart = await cartCodes(cartId)
        expect(cart.completed_at).toBeNull()
        expect(cart.coupon_codes.map((code) => code.code)).toEqual(["WELCOME10"])
      }
      expect((await usageOf(getContainer(), coupon.id)).redemptions).toHaveLength(0)
    })

    it("should complete once the cart has an email, counted against that email", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "WELCOME-LATER", usage_limit_per_customer: 1 })
      const cartId = await createCart(api, store, { email: null })
      expect((await applyCode(api, store, cartId, "WELCOME-LATER")).status).toBe(200)
      await api.post(`/store/carts/${cartId}`, { email: "later@example.com" }, store.storeHeaders)
      expect((await completeCart(api, store, cartId)).data.type).toBe("order")
      const [redemption] = (await usageOf(getContainer(), coupon.id)).redemptions
      expect(redemption.customer_keys).toContain("email:later@example.com")
    })

    it("should complete a cart without email when its coupon has no per-customer condition", async () => {
      await createCoupon(getContainer(), { code: "ANYONE" })
      const cartId = await createCart(api, store, { email: null })
      expect((await applyCode(api, store, cartId, "ANYONE")).status).toBe(200)
      expect((await completeCart(api, store, cartId)).data.type).toBe("order")
    })
  })

  describe("customer conditions trust only the logged-in customer", () => {
    const vipMember = async () => {
      const customers = getContainer().resolve(Modules.CUSTOMER)
      const [vip] = await customers.createCustomerGroups([{ name: "VIP" }])
      const member = await logIn(api, store, "vip@example.com")
      await customers.addCustomerToGroup({ customer_id: member.customerId, customer_group_id: vip.id })
      await createCouponViaApi(api, store, { code: "VIP-ONLY", customer_group_ids: [vip.id] })
      await createCouponViaApi(api, store, { code: "MEMBERS", requires_login: true })
      return member
    }

    it("should refuse a guest who types a member's email (POST /store/carts/:id/coupons)", async () => {
      const member = await vipMember()
      const guestCart = await createCart(api, store, { email: "vip@example.com" })
      // Medusa links the member's account to the guest's cart by the typed email
      const cart = (await getCart(api, store, guestCart, "+customer_id")) as { customer_id: string }
      expect(cart.customer_id).toBe(member.customerId)

      const group = await applyCode(api, store, guestCart, "VIP-ONLY")
      expect({ status: group.status, code: group.data.code }).toEqual({ status: 400, code: "customer_group_not_allowed" })
      const login = await applyCode(api, store, guestCart, "MEMBERS")
      expect({ status: login.status, code: login.data.code }).toEqual({ status: 400, code: "login_required" })
      const validated = await validateCode(api, store, { code: "VIP-ONLY", cart_id: guestCart })
      expect({ valid: validated.data.valid, reason: validated.data.reason }).toEqual({
        valid: false,
        reason: "customer_group_not_allowed",
      })
    })

    it("should count a guest's order with a member's email against the email, not the member's account", async () => {
      const member = await logIn(api, store, "kept@example.com")
      const { coupon } = await createCoupon(getContainer(), { code: "ONCE-KEYED", usage_limit_per_customer: 1 })
      const guestCart = await createCart(api, store, { email: "kept@example.com" })
      expect((await applyCode(api, store, guestCart, "ONCE-KEYED")).status).toBe(200)
      expect((await completeCart(api, store, guestCart)).data.type).toBe("order")
      const [redemption] = (await usageOf(getContainer(), coupon.id)).redemptions
      expect(redemption.customer_keys).toEqual(["email:kept@example.com"])

      // the member's own cart carries the same email: that key is spent
      const auth = { authorization: member.authorization }
      const own = await createCart(api, store, { email: "kept@example.com", headers: auth })
      expect((await applyCode(api, store, own, "ONCE-KEYED", auth)).data.code).toBe("customer_limit_reached")
    })

    it("should refuse a code assigned to a customer to a guest who types that customer's email", async () => {
      const member = await logIn(api, store, "robin@example.com")
      const created = await createCouponViaApi(api, store, {})
      await couponService(getContainer()).createCouponCodes([
        { coupon_id: created.id, code: "FOR-ROBIN", assigned_customer_id: member.customerId },
      ] as never)
      const guestCart = await createCart(api, store, { email: "robin@example.com" })
      const refused = await applyCode(api, store, guestCart, "FOR-ROBIN")
      expect({ status: refused.status, code: refused.data.code }).toEqual({ status: 400, code: "not_assigned_to_you" })

      const own = await createCart(api, store, { email: "robin@example.com", headers: { authorization: member.authorization } })
      expect((await applyCode(api, store, own, "FOR-ROBIN", { authorization: member.authorization })).status).toBe(200)
    })

    it("should refuse completion as a guest of a cart whose codes were applied while logged in", async () => {
      const member = await vipMember()
      const auth = { authorization: member.authorization }
      for (const code of ["VIP-ONLY", "MEMBERS"]) {
        const cartId = await createCart(api, store, { email: "vip@example.com", headers: auth })
        expect((await applyCode(api, store, cartId, code, auth)).status).toBe(200)

        const asGuest = await completeCart(api, store, cartId)
        expect({ code, status: asGuest.status, reason: asGuest.data.code }).toEqual({
          code,
          status: 400,
          reason: code === "VIP-ONLY" ? "customer_group_not_allowed" : "login_required",
        })
        expect((await cartCodes(cartId)).completed_at).toBeNull()

        // the member, logged in, completes it
        const asMember = await completeCart(api, store, cartId, auth)
        expect({ code, type: asMember.data.type }).toEqual({ code, type: "order" })
      }
    })
  })

  describe("per-customer caps and email aliases", () => {
    it("should count a gmail address with dots, a +tag and googlemail.com as the same shopper", async () => {
      await createCoupon(getContainer(), { code: "ONCE-GMAIL", usage_limit_per_customer: 1 })
      const first = await createCart(api, store, { email: "a@gmail.com" })
      expect((await applyCode(api, store, first, "ONCE-GMAIL")).status).toBe(200)
      expect((await completeCart(api, store, first)).data.type).toBe("order")

      const alias = await createCart(api, store, { email: "a.+promo@googlemail.com" })
      const refused = await applyCode(api, store, alias, "ONCE-GMAIL")
      expect({ status: refused.status, code: refused.data.code }).toEqual({ status: 400, code: "customer_limit_reached" })
    })

    it("should count name+tag@example.com as name@example.com", async () => {
      await createCoupon(getContainer(), { code: "ONCE-TAG", usage_limit_per_customer: 1 })
      const first = await createCart(api, store, { email: "name@example.com" })
      expect((await applyCode(api, store, first, "ONCE-TAG")).status).toBe(200)
      expect((await completeCart(api, store, first)).data.type).toBe("order")

      const tagged = await createCart(api, store, { email: "Name+x@Example.com" })
      expect((await applyCode(api, store, tagged, "ONCE-TAG")).data.code).toBe("customer_limit_reached")
      // dots count only at gmail
      const dotted = await createCart(api, store, { email: "na.me@example.com" })
      expect((await applyCode(api, store, dotted, "ONCE-TAG")).status).toBe(200)
    })

    it("should migrate existing usage rows and ledger keys to the alias-free keys, merging counts", async () => {
      const { coupon, code } = await createCoupon(getContainer(), { code: "OLD-ROWS", usage_limit_per_customer: 3 })
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const rows = [
        ["ccu_1", "email:a.b@gmail.com", 1],
        ["ccu_2", "email:ab+x@googlemail.com", 1],
        ["ccu_3", "email:name+y@example.com", 2],
        ["ccu_4", "customer:cus_Keep.Me+1", 1],
      ]
      for (const [id, key, count] of rows) {
        await pg.raw(`INSERT INTO coupon_customer_usage (id, coupon_id, customer_key, usage_count) VALUES (?, ?, ?, ?)`, [
          id,
          coupon.id,
          key,
          count,
        ])
      }
      await pg.raw(
        `INSERT INTO coupon_redemption (id, code, order_id, coupon_id, coupon_code_id, customer_keys, discount_amount, raw_discount_amount, currency_code)
           VALUES ('ccr_1', 'OLD-ROWS', 'order_1', ?, ?, ?, 1, '{"value":"1","precision":20}', 'usd')`,
        [coupon.id, code.id, ["customer:cus_1", "email:a.b+z@GoogleMail.com"]]
      )
      for (const sql of normalizeEmailKeysSql) {
        await pg.raw(sql)
      }
      const usage = await usageOf(getContainer(), coupon.id)
      expect(usage.customer_usage).toEqual({
        "email:ab@gmail.com": 2,
        "email:name@example.com": 2,
        "customer:cus_Keep.Me+1": 1,
      })
      expect(usage.redemptions[0].customer_keys).toEqual(["customer:cus_1", "email:ab@gmail.com"])
    })
  })
})
