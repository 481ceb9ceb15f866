import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { FoundContext } from "../../src/modules/coupon/rules"
import { createCouponViaApi } from "./fixtures/admin"
import { applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

jest.setTimeout(300_000)

/** The README's example: a merchant's own rule, given in the plugin options. */
const noStaffRule = {
  name: "no-staff",
  reason: "staff_not_allowed",
  check: ({ cart, coupon }: FoundContext) =>
    !cart?.email?.endsWith("@staff.example.com") || (coupon as { metadata?: { staff_ok?: boolean } }).metadata?.staff_ok === true,
  message: "Staff cannot use promotion codes.",
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  hooks: {
    // as a merchant would write it in medusa-config.ts: options.rules of the coupon module
    beforeServerStart: async (container) => {
      const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
      const coupon = (config.modules as Record<string, { options?: Record<string, unknown> }>).coupon
      coupon.options = { ...coupon.options, rules: [noStaffRule] }
    },
  },
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture

    beforeEach(async () => {
      store = await createStoreFixture(getContainer())
    })

    it("should refuse with the merchant's reason and message on validate, apply and completion", async () => {
      await createCouponViaApi(api, store, { code: "FRIENDS" })

      const staffCart = await createCart(api, store, { email: "pat@staff.example.com" })
      const validated = await api.post("/store/coupons/validate", { code: "FRIENDS", cart_id: staffCart }, store.storeHeaders)
      expect(validated.data).toMatchObject({ valid: false, reason: "staff_not_allowed", message: "Staff cannot use promotion codes." })
      const applied = await applyCode(api, store, staffCart, "FRIENDS")
      expect(applied.status).toBe(400)
      expect(applied.data).toMatchObject({ type: "not_allowed", code: "staff_not_allowed", message: "Staff cannot use promotion codes." })

      // a shopper applies it, then switches to a staff address: completion runs the rule too
      const cartId = await createCart(api, store, { email: "fan@example.com" })
      expect((await applyCode(api, store, cartId, "FRIENDS")).status).toBe(200)
      await api.post(`/store/carts/${cartId}`, { email: "pat@staff.example.com" }, store.storeHeaders)
      // the cart.updated recheck holds the cart's lock while it drops the code; on a busy machine a
      // checkout step started meanwhile waits past Medusa's lock timeout (a 500 of Medusa's own)
      const deadline = Date.now() + 10_000
      while (Date.now() < deadline && (await getCart(api, store, cartId, "+coupon_codes.code")).coupon_codes?.length) {
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      const completed = await completeCart(api, store, cartId)
      if (completed.data.type === "order") {
        // the cart.updated recheck dropped the code first
        expect(completed.data.order.discount_total).toBe(0)
      } else {
        expect(completed.data.code).toBe("staff_not_allowed")
      }
    })

    it("should still run the built-in rules", async () => {
      await createCouponViaApi(api, store, { code: "PAUSED", status: "inactive" })
      const cartId = await createCart(api, store, { email: "fan@example.com" })
      expect((await applyCode(api, store, cartId, "PAUSED")).data.code).toBe("inactive")
    })
  },
})
