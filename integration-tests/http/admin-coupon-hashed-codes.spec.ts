import http from "node:http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createCouponViaApi, fail, waitForBatch } from "./fixtures/admin"
import { applyCode, completeCart, createCart } from "./fixtures/checkout"
import { createStoreFixture, StoreFixture } from "./fixtures/store"
import purgeCouponPlainCodes from "../../src/jobs/purge-coupon-plain-codes"

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

    it("should store single-use batch codes as digests, show them until receipt is confirmed, and still redeem them", async () => {
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
      const exportedCodes = exported.data
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line: string) => line.split(",")[0])
      expect(exportedCodes).toHaveLength(20)
      expect(exportedCodes.every((code: string) => /^\*\*\*\*[A-Z0-9]{4}$/.test(code))).toBe(true)

      // the plain codes, as often as asked, until receipt is confirmed
      const download = await api.get(`/admin/coupons/${coupon.id}/code-batches/${batchId}/codes`, store.adminHeaders)
      const plain = download.data.trim().split(/\r?\n/).slice(1)
      expect(plain).toHaveLength(20)
      expect(new Set(plain).size).toBe(20)
      expect(plain.map((code: string) => code.slice(-4)).sort()).toEqual(stored.map((row: { code_last4: string }) => row.code_last4).sort())
      const again = await api.get(`/admin/coupons/${coupon.id}/code-batches/${batchId}/codes`, store.adminHeaders)
      expect(again.data).toBe(download.data)
      await confirm(coupon.id, batchId)

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

    const downloadPath = (couponId: string, batchId: string) => `/admin/coupons/${couponId}/code-batches/${batchId}/codes`
    const readBatch = async (couponId: string, batchId: string) =>
      (await api.get(`/admin/coupons/${couponId}/code-batches/${batchId}`, store.adminHeaders)).data.batch
    const confirm = (couponId: string, batchId: string) => api.post(`${downloadPath(couponId, batchId)}/confirm`, {}, store.adminHeaders)

    /** Sends the download request and closes the socket at once, before any answer can arrive. */
    const abortedDownload = (path: string) =>
      new Promise<void>((resolve) => {
        const url = new URL(path, api.defaults.baseURL)
        const request = http.request(url, { method: "GET", headers: { authorization: store.adminHeaders.headers.authorization } })
        request.on("error", () => resolve())
        request.on("close", () => resolve())
        request.end(() => request.destroy())
      })

    describe("GET /admin/coupons/:id/code-batches/:batch_id/codes", () => {
      it("should answer the same CSV twice, and say until when the plain codes are kept", async () => {
        const coupon = await createCouponViaApi(api, store, { name: "Twice" })
        const batchId = await generate(coupon.id, { count: 5 })
        const first = await api.get(downloadPath(coupon.id, batchId), store.adminHeaders)
        const second = await api.get(downloadPath(coupon.id, batchId), store.adminHeaders)
        expect(first.data.trim().split(/\r?\n/)).toHaveLength(6)
        expect(second.data).toBe(first.data)

        const batch = await readBatch(coupon.id, batchId)
        expect(batch.plain_codes_downloadable).toBe(true)
        expect(new Date(batch.plain_codes_downloadable_until).getTime()).toBe(new Date(batch.completed_at).getTime() + 7 * 24 * 3600 * 1000)
        const { data: listed } = await api.get(`/admin/coupons/${coupon.id}/code-batches`, store.adminHeaders)
        expect(listed.batches).toEqual([expect.objectContaining({ id: batchId, plain_codes_downloadable: true, progress: 1 })])
        expect(listed.count).toBe(1)
      })

      it("should keep the codes when the client hangs up before the answer", async () => {
        const coupon = await createCouponViaApi(api, store, { name: "Dropped" })
        const batchId = await generate(coupon.id, { count: 5 })
        await abortedDownload(downloadPath(coupon.id, batchId))
        // give the server the time to handle the abandoned request to its end
        await new Promise((resolve) => setTimeout(resolve, 1500))
        const retried = await api.get(downloadPath(coupon.id, batchId), store.adminHeaders)
        expect(retried.data.trim().split(/\r?\n/).slice(1)).toHaveLength(5)
        expect((await readBatch(coupon.id, batchId)).plain_codes_downloadable).toBe(true)
      })
    })

    describe("POST /admin/coupons/:id/code-batches/:batch_id/codes/confirm", () => {
      it("should delete the plain codes, after which a download answers 400 saying why", async () => {
        const coupon = await createCouponViaApi(api, store, { name: "Confirmed" })
        const batchId = await generate(coupon.id, { count: 5 })
        const confirmed = await confirm(coupon.id, batchId)
        expect(confirmed.data).toEqual({ id: batchId, object: "coupon_code_batch_plain_codes", deleted: true })
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        expect(await pg("coupon_code_reveal").where({ batch_id: batchId }).count()).toEqual([{ count: "0" }])

        const gone = await fail(api.get(downloadPath(coupon.id, batchId), store.adminHeaders))
        expect(gone.status).toBe(400)
        expect(gone.data.message).toBe(
          "The plain codes of this batch are no longer kept: their receipt was confirmed. They are stored hashed and cannot be shown again."
        )
        expect(await readBatch(coupon.id, batchId)).toMatchObject({ plain_codes_downloadable: false, plain_codes_downloadable_until: null })
        // confirming again is harmless
        expect((await confirm(coupon.id, batchId)).data.deleted).toBe(true)
        // the hashed codes themselves stay
        expect(await pg("coupon_code").where({ batch_id: batchId }).whereNull("deleted_at").count()).toEqual([{ count: "5" }])
      })

      it("should refuse a batch stored readable, and an unknown batch", async () => {
        const coupon = await createCouponViaApi(api, store, { name: "Readable confirm" })
        const batchId = await generate(coupon.id, { count: 2, usage_limit: 3 })
        const readable = await fail(confirm(coupon.id, batchId))
        expect(readable.status).toBe(400)
        expect(readable.data.message).toMatch(/stored readable/)
        expect((await fail(confirm(coupon.id, "cpnbatch_unknown"))).status).toBe(404)
      })
    })

    describe("purge-coupon-plain-codes job", () => {
      it("should delete plain codes 7 days after their batch completed, and keep younger ones", async () => {
        const coupon = await createCouponViaApi(api, store, { name: "Purged" })
        const oldBatch = await generate(coupon.id, { count: 3 })
        const youngBatch = await generate(coupon.id, { count: 3 })
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await pg.raw(`UPDATE coupon_code_batch SET completed_at = now() - interval '7 days 1 minute' WHERE id = ?`, [oldBatch])
        await pg.raw(`UPDATE coupon_code_batch SET completed_at = now() - interval '6 days 23 hours' WHERE id = ?`, [youngBatch])

        await purgeCouponPlainCodes(getContainer())

        const expired = await fail(api.get(downloadPath(coupon.id, oldBatch), store.adminHeaders))
        expect(expired.status).toBe(400)
        expect(expired.data.message).toMatch(
          /^The plain codes of this batch are no longer kept: their download window ended on \S+ \(7 days after the batch completed\)\. They are stored hashed/
        )
        expect((await readBatch(coupon.id, oldBatch)).plain_codes_downloadable).toBe(false)
        const kept = await api.get(downloadPath(coupon.id, youngBatch), store.adminHeaders)
        expect(kept.data.trim().split(/\r?\n/).slice(1)).toHaveLength(3)
        expect((await readBatch(coupon.id, youngBatch)).plain_codes_downloadable).toBe(true)
      })
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
