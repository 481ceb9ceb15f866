import { Modules } from "@medusajs/framework/utils"
import { httpSuite } from "./fixtures/http-suite"
import { createCouponViaApi } from "./fixtures/admin"
import { addPaymentSession, applyCode, completeCart, createCart } from "./fixtures/checkout"
import { cloneCartInApp } from "./fixtures/clone-carts"
import { couponService, usageOf } from "./fixtures/coupons"
import { logIn } from "./fixtures/customers"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const coupon = (code: string, body: Record<string, unknown>) => createCouponViaApi(api, store, { code, ...body })

  /** A logged-in shopper's cart (the cart belongs to their account). */
  const shopperCart = async (email: string) => {
    const { authorization, customerId } = await logIn(api, store, email)
    const headers = { authorization }
    const cartId = await createCart(api, store, { email, headers })
    return { cartId, headers, customerId }
  }

  describe("customer conditions", () => {
    it("should keep a customer-group code to members of the group", async () => {
      const customers = getContainer().resolve(Modules.CUSTOMER)
      const [vip] = await customers.createCustomerGroups([{ name: "VIP" }])
      await coupon("VIP-ONLY", { customer_group_ids: [vip.id] })

      const guestCart = await createCart(api, store, { email: "guest@example.com" })
      const guest = await applyCode(api, store, guestCart, "VIP-ONLY")
      expect(guest.status).toBe(400)
      expect(guest.data).toMatchObject({
        code: "customer_group_not_allowed",
        message: "This code is for selected customers only. Log in to use it.",
      })

      const { cartId, headers, customerId } = await shopperCart("kim@example.com")
      const outsider = await applyCode(api, store, cartId, "VIP-ONLY", headers)
      expect(outsider.status).toBe(400)
      expect(outsider.data).toMatchObject({ code: "customer_group_not_allowed", message: "This code is not available for your account." })

      await customers.addCustomerToGroup({ customer_id: customerId, customer_group_id: vip.id })
      expect((await applyCode(api, store, cartId, "VIP-ONLY", headers)).status).toBe(200)
      expect((await completeCart(api, store, cartId, headers)).data.type).toBe("order")
    })

    it("should keep a members-only code from guests with login_required", async () => {
      await coupon("MEMBERS", { requires_login: true })
      const guestCart = await createCart(api, store, { email: "guest@example.com" })
      const refused = await applyCode(api, store, guestCart, "MEMBERS")
      expect(refused.status).toBe(400)
      expect(refused.data).toMatchObject({ code: "login_required", message: "Log in to your account to use this code." })

      const { cartId, headers } = await shopperCart("member@example.com")
      expect((await applyCode(api, store, cartId, "MEMBERS", headers)).status).toBe(200)
    })

    it("should refuse a first-order code to a returning customer, by account and by email", async () => {
      await coupon("WELCOME", { first_order_only: true })

      // an earlier order, without any code
      const { cartId: firstCart, headers } = await shopperCart("returning@example.com")
      expect((await completeCart(api, store, firstCart, headers)).data.type).toBe("order")

      const secondCart = await createCart(api, store, { email: "returning@example.com", headers })
      const byAccount = await applyCode(api, store, secondCart, "WELCOME", headers)
      expect(byAccount.status).toBe(400)
      expect(byAccount.data).toMatchObject({ code: "first_order_only", message: "This code is for first orders only." })

      // a guest checkout with the same email is the same shopper
      const guestCart = await createCart(api, store, { email: "returning@example.com" })
      expect((await applyCode(api, store, guestCart, "WELCOME")).data.code).toBe("first_order_only")

      // a new shopper gets it, and it holds through completion
      const newCart = await createCart(api, store, { email: "new@example.com" })
      expect((await applyCode(api, store, newCart, "WELCOME")).status).toBe(200)
      expect((await completeCart(api, store, newCart)).data.type).toBe("order")
    })

    it("should count only orders that were not canceled as earlier orders", async () => {
      await coupon("WELCOME-BACK", { first_order_only: true })
      const first = await createCart(api, store, { email: "canceled@example.com" })
      const order = (await completeCart(api, store, first)).data.order
      await api.post(`/admin/orders/${order.id}/cancel`, {}, store.adminHeaders)

      const again = await createCart(api, store, { email: "canceled@example.com" })
      expect((await applyCode(api, store, again, "WELCOME-BACK")).status).toBe(200)
    })
  })

  describe("assigned codes", () => {
    it("should let only the assigned email or customer redeem a code", async () => {
      const created = await coupon("SHARED-UNUSED", {})
      const service = couponService(getContainer())
      const [forEmail, forCustomer] = await service.createCouponCodes([
        { coupon_id: created.id, code: "FOR-ALEX", assigned_email: "alex@example.com" },
        { coupon_id: created.id, code: "FOR-ROBIN" },
      ] as never)
      const { cartId, headers, customerId } = await shopperCart("robin@example.com")
      await service.updateCouponCodes({ id: forCustomer.id, assigned_customer_id: customerId } as never)

      const stranger = await createCart(api, store, { email: "stranger@example.com" })
      const refused = await applyCode(api, store, stranger, "FOR-ALEX")
      expect(refused.status).toBe(400)
      expect(refused.data).toMatchObject({ code: "not_assigned_to_you" })
      expect((await applyCode(api, store, stranger, "FOR-ROBIN")).data.code).toBe("not_assigned_to_you")

      const alex = await createCart(api, store, { email: "Alex@Example.com" })
      expect((await applyCode(api, store, alex, "FOR-ALEX")).status).toBe(200)
      expect((await applyCode(api, store, cartId, "FOR-ROBIN", headers)).status).toBe(200)
      expect((await completeCart(api, store, cartId, headers)).data.type).toBe("order")
      expect(forEmail.code).toBe("FOR-ALEX")
    })

    it("should refuse at completion when the cart's email changed to someone else", async () => {
      const created = await coupon("UNUSED-2", {})
      await couponService(getContainer()).createCouponCodes([
        { coupon_id: created.id, code: "FOR-SAM", assigned_email: "sam@example.com" },
      ] as never)
      const cartId = await createCart(api, store, { email: "sam@example.com" })
      expect((await applyCode(api, store, cartId, "FOR-SAM")).status).toBe(200)
      await api.post(`/store/carts/${cartId}`, { email: "not-sam@example.com" }, store.storeHeaders)
      const completed = await completeCart(api, store, cartId)
      // the code was dropped when the cart changed, or completion refuses it: never an order with the discount
      if (completed.data.type === "order") {
        expect(completed.data.order.discount_total).toBe(0)
      } else {
        expect(completed.data.code).toBe("not_assigned_to_you")
      }
    })
  })

  describe("spend budget", () => {
    it("should stop after the order that reaches a budget of 50 under 20 simultaneous checkouts", async () => {
      const created = await coupon("BUDGET-10", {
        discount_type: "fixed",
        discount_value: 10,
        currency_code: "usd",
        budget_limits: { usd: 50 },
      })
      // 10 through the store API, 10 SQL copies of the first (each its own guest and email)
      const viaApi = await Promise.all(
        Array.from({ length: 10 }, async (_, index) => {
          const cartId = await createCart(api, store, { email: `budget-${index}@example.com` })
          expect((await applyCode(api, store, cartId, "BUDGET-10")).status).toBe(200)
          await addPaymentSession(api, store, cartId)
          return cartId
        })
      )
      const cartIds = [...viaApi, ...(await cloneCartInApp(getContainer(), viaApi[0], 10))]

      const outcomes = await Promise.all(
        cartIds.map((cartId) =>
          api
            .post(`/store/carts/${cartId}/complete`, {}, store.storeHeaders)
            .catch((error) => error.response)
            .then(({ status, data }) => ({ status, type: data?.type, code: data?.code, discount: data?.order?.discount_subtotal }))
        )
      )
      const orders = outcomes.filter((outcome) => outcome.type === "order")
      const refused = outcomes.filter((outcome) => outcome.type !== "order")
      expect({ orders: orders.length, discounts: orders.map((order) => order.discount) }).toEqual({
        orders: 5,
        discounts: [10, 10, 10, 10, 10],
      })
      expect(refused).toHaveLength(15)
      for (const outcome of refused) {
        expect(outcome).toMatchObject({ status: 400, type: "not_allowed", code: "budget_exhausted" })
      }

      const usage = await usageOf(getContainer(), created.id)
      const given = usage.redemptions
        .filter((redemption) => redemption.status === "redeemed")
        .reduce((sum, redemption) => sum + Number(redemption.discount_amount), 0)
      expect(given).toBe(50)
      expect(usage.coupon_usage).toBe(5)

      // the next shopper hears it at once
      const late = await createCart(api, store, { email: "late@example.com" })
      const answer = await applyCode(api, store, late, "BUDGET-10")
      expect(answer.status).toBe(400)
      expect(answer.data).toMatchObject({ code: "budget_exhausted", message: "This promotion has ended: its budget is used up." })
    })

    it("should keep budgets per currency", async () => {
      await coupon("EUR-BUDGET", { budget_limits: { eur: 5 } })
      const cartId = await createCart(api, store, { email: "usd@example.com" })
      expect((await applyCode(api, store, cartId, "EUR-BUDGET")).status).toBe(200)
      expect((await completeCart(api, store, cartId)).data.type).toBe("order")
      const again = await createCart(api, store, { email: "usd2@example.com" })
      expect((await applyCode(api, store, again, "EUR-BUDGET")).status).toBe(200)
    })
  })
})
