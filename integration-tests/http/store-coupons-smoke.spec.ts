import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createCouponWorkflow } from "../../src/workflows/create-coupon"
import { applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture
    beforeEach(async () => {
      store = await createStoreFixture(getContainer())
    })

    it("smoke", async () => {
      await createCouponWorkflow(getContainer()).run({
        input: { name: "Ten", status: "active", discount_type: "percentage", discount_value: 10, code: "TEN" },
      })
      const cartId = await createCart(api, store)
      const before = await getCart(api, store, cartId)
      const res = await applyCode(api, store, cartId, " ten ")
      console.log(res.status, JSON.stringify(res.data).slice(0, 3000))
      const v = await api.post("/store/coupons/validate", { code: "nope" }, store.storeHeaders)
      console.log(JSON.stringify(v.data))
      const done = await completeCart(api, store, cartId)
      console.log(done.status, JSON.stringify(done.data).slice(0, 1500))
      console.log(JSON.stringify({ before: [before.total, before.subtotal, before.tax_total, before.discount_total] }))
    })
  },
})
