import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { applyCode, completeCart, createCart } from "./fixtures/checkout"
import { createCoupon, usageOf } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture

    beforeEach(async () => {
      store = await createStoreFixture(getContainer())
    })

    /** Registers a shopper account and logs in, as a storefront does. */
    const logIn = async (email: string) => {
      const password = "secret-password"
      const {
        data: { token: registration },
      } = await api.post("/auth/customer/emailpass/register", { email, password })
      await api.post(
        "/store/customers",
        { email, first_name: "Lou" },
        { headers: { ...store.storeHeaders.headers, authorization: `Bearer ${registration}` } }
      )
      const {
        data: { token },
      } = await api.post("/auth/customer/emailpass", { email, password })
      return { authorization: `Bearer ${token}` }
    }

    describe("POST /store/carts/:id/coupons for a logged-in customer", () => {
      it("should hold the per-customer cap for the account, whatever email the next cart carries", async () => {
        const { coupon } = await createCoupon(getContainer(), { code: "ONCE-PER-ACCOUNT", usage_limit_per_customer: 1 })
        const auth = await logIn("lou@example.com")

        const first = await createCart(api, store, { email: "lou@example.com", headers: auth })
        expect((await applyCode(api, store, first, "ONCE-PER-ACCOUNT", auth)).status).toBe(200)
        const order = await completeCart(api, store, first, auth)
        expect(order.data.type).toBe("order")
        const [redemption] = (await usageOf(getContainer(), coupon.id)).redemptions
        // the ledger knows the account, not only the email
        expect(redemption.customer_id).toMatch(/^cus_/)

        // same account, another address on the cart: still the same customer
        const second = await createCart(api, store, { email: "lou.other@example.org", headers: auth })
        const refused = await applyCode(api, store, second, "ONCE-PER-ACCOUNT", auth)
        expect(refused.status).toBe(400)
        expect(refused.data.code).toBe("customer_limit_reached")

        // another shopper is not affected
        const guest = await createCart(api, store, { email: "someone@example.net" })
        expect((await applyCode(api, store, guest, "ONCE-PER-ACCOUNT")).status).toBe(200)

        const usage = await usageOf(getContainer(), coupon.id)
        expect(usage.coupon_usage).toBe(1)
      })
    })
  },
})
