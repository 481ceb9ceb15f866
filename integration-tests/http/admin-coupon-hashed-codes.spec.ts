import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createCouponViaApi, fail, waitForBatch } from "./fixtures/admin"
import { applyCode, completeCart, createCart } from "./fixtures/checkout"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

jest.setTimeout(300_000)

// the key comes from the environment, as in production
process.env.COUPON_CODE_HASH_KEY = "test-key-0123456789abcdef0123456789abcdef"

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  hooks: {
    // hash_codes in the plugin options, as a merchant sets it in medusa-config.ts
    beforeServerStart: async (container) => {
      const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
      const coupon = (config.modules as Record<string, { options?: Record<string, unknown> }>).coupon
      coupon.options = { ...coupon.options, hash_codes: true }
    },
  },
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture

    beforeEach(async () => {
      store = await createStoreFixture(getContainer())
    })

    const generate = async (couponId: string, body: Record<string, unknown>) => {
      const {
        data: { batch },
      } = await api.post(`/admin/coupons/${couponId}/code-batches`, body, store.adminHeaders)
      expect((await waitForBatch(api, store, couponId, batch.id)).status).toBe("completed")
      return batch.id as string
    }

    it("should store single-use batch codes as digests, show them once, and still redeem them", async () => {
      const coupon = await createCouponViaApi(api, store, { name: "Hashed" })
      const batchId = await generate(coupon.id, { count: 20, prefix: "HX" })

      // the database holds digests and last fours only
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const stored = await pg("coupon_code").where({ batch_id: batchId }).select("code", "code_last4")
      expect(stored).toHaveLength(20)
      for (const row of stored) {
        expect(row.code).toMatch(/^#[0-9A-F]{63}$/)
        expect(row.code_last4).toMatch(/^[A-Z0-9]{4}$/)
      }

      // the admin sees masked codes, in the list and in the export
      const listed = await api.get(`/admin/coupons/${coupon.id}/codes?limit=50`, store.adminHeaders)
      expect(listed.data.codes.every((code: { code: string }) => /^\*\*\*\*[A-Z0-9]{4}$/.test(code.code))).toBe(true)
      const exported = await api.get(`/admin/coupons/${coupon.id}/codes/export`, store.adminHeaders)
      const exportedCodes = exported.data.trim().split(/\r?\n/).slice(1).map((line: string) => line.split(",")[0])
      expect(exportedCodes).toHaveLength(20)
      expect(exportedCodes.every((code: string) => /^\*\*\*\*[A-Z0-9]{4}$/.test(code))).toBe(true)

      // the plain codes, once
      const download = await api.get(`/admin/coupons/${coupon.id}/code-batches/${batchId}/codes`, store.adminHeaders)
      const plain = download.data.trim().split(/\r?\n/).slice(1)
      expect(plain).toHaveLength(20)
      expect(new Set(plain).size).toBe(20)
      expect(plain.map((code: string) => code.slice(-4)).sort()).toEqual(stored.map((row: { code_last4: string }) => row.code_last4).sort())
      const again = await fail(api.get(`/admin/coupons/${coupon.id}/code-batches/${batchId}/codes`, store.adminHeaders))
      expect(again.status).toBe(400)
      expect(again.data.message).toBe("The codes of this batch were already downloaded. They are stored hashed and cannot be shown again.")

      // a plain code validates, applies, completes and counts like any other
      const code = plain[0].toLowerCase()
      const validated = await api.post("/store/coupons/validate", { code }, store.storeHeaders)
      expect(validated.data).toMatchObject({ valid: true })
      // the cart shows it as stored; a storefront removes it by that text
      const trial = await createCart(api, store, { email: "trial@example.com" })
      const applied = await applyCode(api, store, trial, code)
      const shown = applied.data.cart.coupon_codes[0].code
      expect(shown).toMatch(/^#[0-9A-F]{63}$/)
      const removed = await api.delete(`/store/carts/${trial}/coupons/${encodeURIComponent(shown)}`, store.storeHeaders)
      expect(removed.data.cart.coupon_codes).toEqual([])

      const cartId = await createCart(api, store)
      expect((await applyCode(api, store, cartId, code)).status).toBe(200)
      const order = await completeCart(api, store, cartId)
      expect(order.data.order.discount_total).toBe(11)
      const reused = await applyCode(api, store, await createCart(api, store, { email: "other@example.com" }), code)
      expect(reused.data.code).toBe("code_usage_limit_reached")

      // the digest itself is not a code
      const digest = await applyCode(api, store, await createCart(api, store), stored[0].code)
      expect(digest.status).toBe(400)
    })

    it("should keep shared and multi-use codes readable", async () => {
      const coupon = await createCouponViaApi(api, store, { name: "Readable", code: "SHARED-READABLE" })
      const batchId = await generate(coupon.id, { count: 3, prefix: "MU", usage_limit: 5 })
      const listed = await api.get(`/admin/coupons/${coupon.id}/codes?limit=10`, store.adminHeaders)
      expect(listed.data.codes.map((code: { code: string }) => code.code)).toContain("SHARED-READABLE")
      expect(listed.data.codes.filter((code: { code: string }) => code.code.startsWith("MU"))).toHaveLength(3)
      const refused = await fail(api.get(`/admin/coupons/${coupon.id}/code-batches/${batchId}/codes`, store.adminHeaders))
      expect(refused.data.message).toMatch(/stored readable/)
    })
  },
})
