import { httpSuite } from "./fixtures/http-suite"
import { applyCode, completeCart, createCart } from "./fixtures/checkout"
import { createCoupon, usageOf } from "./fixtures/coupons"
import { logIn } from "./fixtures/customers"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  describe("POST /store/carts/:id/coupons for a logged-in customer", () => {
    it("should hold the per-customer cap for the account, whatever email the next cart carries", async () => {
      const { coupon } = await createCoupon(getContainer(), { code: "ONCE-PER-ACCOUNT", usage_limit_per_customer: 1 })
      const { authorization } = await logIn(api, store, "lou@example.com")
      const auth = { authorization }

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
})
