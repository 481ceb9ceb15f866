import { httpSuite } from "./fixtures/http-suite"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import resumeCouponCodeBatches from "../../src/jobs/resume-coupon-code-batches"
import { generateCouponCodesWorkflow, generateCouponCodesWorkflowId } from "../../src/workflows/generate-coupon-codes"
import { createCouponViaApi, fail, waitForBatch } from "./fixtures/admin"
import { applyCode, createCart, getCart } from "./fixtures/checkout"
import { couponService } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

  /** Runs the generation workflow and resolves with the state its transaction ends in (done, reverted…). */
  const runGeneration = async (batchId: string) => {
    const transactionId = `generate-${batchId}`
    const finished = new Promise<string>((resolve) =>
      getContainer()
        .resolve(Modules.WORKFLOW_ENGINE)
        .subscribe({
          workflowId: generateCouponCodesWorkflowId,
          transactionId,
          subscriber: (event: { eventType: string; state?: string }) => {
            if (event.eventType === "onFinish") {
              resolve(event.state as string)
            }
          },
        })
    )
    const { transaction } = await generateCouponCodesWorkflow(getContainer()).run({
      input: { batch_id: batchId },
      context: { transactionId },
    })
    // the async step runs in the background: `run` has returned before the codes exist
    expect(transaction.getFlow().state).toBe("invoking")
    return await finished
  }
  const batchCodes = async (batchId: string) =>
    (await pg().raw(`SELECT code FROM coupon_code WHERE batch_id = ? AND deleted_at IS NULL`, [batchId])).rows.map(
      (row: { code: string }) => row.code
    ) as string[]

  describe("POST /admin/coupons/:id/code-batches", () => {
    it("should answer 202 at once and complete 10,000 unique codes of the pattern, one of them valid at checkout", async () => {
      const coupon = await createCouponViaApi(api, store)
      const started = Date.now()
      const { status, data } = await api.post(
        `/admin/coupons/${coupon.id}/code-batches`,
        { count: 10_000, pattern: "SUMMER-######-????", expires_at: "2035-01-01T00:00:00Z" },
        store.adminHeaders
      )
      expect(status).toBe(202)
      expect(data.batch).toEqual(
        expect.objectContaining({
          coupon_id: coupon.id,
          requested_count: 10_000,
          settings: expect.objectContaining({ pattern: "SUMMER-######-????", usage_limit: 1 }),
        })
      )
      expect(["pending", "running"]).toContain(data.batch.status)
      // the answer does not wait for the codes
      expect(Date.now() - started).toBeLessThan(5_000)

      const batch = await waitForBatch(api, store, coupon.id, data.batch.id)
      expect(batch).toEqual(expect.objectContaining({ status: "completed", generated_count: 10_000, progress: 1, error: null }))
      expect(batch.completed_at).toBeTruthy()

      const codes = await batchCodes(batch.id)
      expect(codes).toHaveLength(10_000)
      expect(new Set(codes).size).toBe(10_000)
      expect(codes.every((code) => /^SUMMER-\d{6}-[A-Z]{4}$/.test(code))).toBe(true)
      const listed = (await api.get(`/admin/coupons/${coupon.id}/codes?limit=1&used=false`, store.adminHeaders)).data
      expect(listed.count).toBe(10_000)
      expect(listed.codes[0]).toEqual(expect.objectContaining({ usage_limit: 1, batch_id: batch.id }))

      const cartId = await createCart(api, store)
      const applied = await applyCode(api, store, cartId, codes[4_321].toLowerCase())
      expect(applied.status).toBe(200)
      const cart = await getCart(api, store, cartId, "+coupon_codes.code")
      expect(cart.coupon_codes.map((code: { code: string }) => code.code)).toEqual([codes[4_321]])
      expect(cart.discount_total).toBeGreaterThan(0)
    })

    it("should keep answering other requests while a large batch runs", async () => {
      const coupon = await createCouponViaApi(api, store)
      const { data } = await api.post(`/admin/coupons/${coupon.id}/code-batches`, { count: 60_000, length: 12 }, store.adminHeaders)
      const timings: number[] = []
      let sawRunning = false
      for (let i = 0; i < 5; i++) {
        const started = Date.now()
        const { data: polled } = await api.get(`/admin/coupons/${coupon.id}/code-batches/${data.batch.id}`, store.adminHeaders)
        await api.get("/admin/coupons?limit=1", store.adminHeaders)
        timings.push(Date.now() - started)
        sawRunning ||= polled.batch.status === "running" && polled.batch.generated_count < 60_000
      }
      expect(sawRunning).toBe(true)
      expect(Math.max(...timings)).toBeLessThan(2_000)
      const batch = await waitForBatch(api, store, coupon.id, data.batch.id)
      expect(batch.status).toBe("completed")
      const codes = await batchCodes(batch.id)
      expect(codes).toHaveLength(60_000)
      expect(codes.every((code) => /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/.test(code))).toBe(true)
    })

    it("should refuse a guessable pattern with the odds and a longer pattern to use", async () => {
      const coupon = await createCouponViaApi(api, store)
      const response = await fail(
        api.post(`/admin/coupons/${coupon.id}/code-batches`, { count: 10_000, pattern: "SUMMER-####-????" }, store.adminHeaders)
      )
      expect(response.status).toBe(400)
      expect(response.data.type).toBe("invalid_data")
      // 10^4 · 26^4 = 4,569,760,000 codes for 10,000 live ones
      expect(response.data.message).toContain("1 in 456,976")
      // one more character of the 31-character default charset is enough: 4.57e9 · 31 ≥ 10^10
      expect(response.data.message).toContain('add 1 more random character, e.g. "SUMMER-####-????*"')
      const short = await fail(
        api.post(`/admin/coupons/${coupon.id}/code-batches`, { count: 5, prefix: "X-", length: 4, charset: "digits" }, store.adminHeaders)
      )
      expect(short.status).toBe(400)
      expect(short.data.message).toContain("1 in 2,000")
      const { data } = await api.get(`/admin/coupons/${coupon.id}/codes`, store.adminHeaders)
      expect(data.count).toBe(0)
    })

    it("should list every bad field in one 400 and answer 404 for an unknown coupon", async () => {
      const coupon = await createCouponViaApi(api, store)
      const response = await fail(
        api.post(
          `/admin/coupons/${coupon.id}/code-batches`,
          { count: 2_000_000, pattern: "AB CD", length: 8, charset: "emoji", usage_limit: 0, expires_at: "2001-01-01", color: "red" },
          store.adminHeaders
        )
      )
      expect(response.status).toBe(400)
      for (const field of ["count", "pattern", "charset", "usage_limit", "color"]) {
        expect(response.data.message).toContain(field)
      }
      const mixed = await fail(
        api.post(
          `/admin/coupons/${coupon.id}/code-batches`,
          { count: 10, pattern: "????-####", length: 8, expires_at: "2001-01-01" },
          store.adminHeaders
        )
      )
      expect(mixed.data.message).toContain("length cannot be combined with pattern")
      expect(mixed.data.message).toContain("expires_at must be in the future")
      expect(
        (await fail(api.post(`/admin/coupons/${coupon.id}/code-batches`, { count: 10, pattern: "-####" }, store.adminHeaders))).data.message
      ).toContain("must start and end")
      expect((await fail(api.post("/admin/coupons/cpn_missing/code-batches", { count: 10 }, store.adminHeaders))).status).toBe(404)
    })
  })

  describe("GET /admin/coupons/:id/code-batches/:batch_id", () => {
    it("should answer 404 for an unknown batch or a batch of another coupon", async () => {
      const coupon = await createCouponViaApi(api, store)
      const other = await createCouponViaApi(api, store, { name: "Other" })
      const { data } = await api.post(`/admin/coupons/${coupon.id}/code-batches`, { count: 10, length: 10 }, store.adminHeaders)
      await waitForBatch(api, store, coupon.id, data.batch.id)
      expect((await fail(api.get(`/admin/coupons/${coupon.id}/code-batches/cpnbatch_missing`, store.adminHeaders))).status).toBe(404)
      expect((await fail(api.get(`/admin/coupons/${other.id}/code-batches/${data.batch.id}`, store.adminHeaders))).status).toBe(404)
      expect((await fail(api.get(`/admin/coupons/cpn_missing/code-batches/${data.batch.id}`, store.adminHeaders))).status).toBe(404)
      const fields = (await api.get(`/admin/coupons/${coupon.id}/code-batches/${data.batch.id}?fields=id,status`, store.adminHeaders)).data
        .batch
      expect(fields).toEqual({ id: data.batch.id, status: "completed" })
    })
  })

  describe("resuming and failing", () => {
    it("should resume a batch left running by a stopped process from its generated_count", async () => {
      const coupon = await createCouponViaApi(api, store)
      const service = couponService(getContainer())
      const batch = await service.createCouponCodeBatches({
        coupon_id: coupon.id,
        requested_count: 25_000,
        status: "pending",
        settings: { pattern: "RES-**********", charset: "unambiguous", usage_limit: 1, expires_at: null } as never,
      })
      // a runner that stopped after one chunk
      await service.claimCodeBatch(batch.id)
      await service.fillCodeBatchChunk(batch.id, 10_000)
      const before = new Set(await batchCodes(batch.id))
      await pg().raw(`UPDATE coupon_code_batch SET updated_at = now() - interval '10 minutes' WHERE id = ?`, [batch.id])
      expect((await api.get(`/admin/coupons/${coupon.id}/code-batches/${batch.id}`, store.adminHeaders)).data.batch).toEqual(
        expect.objectContaining({ status: "running", generated_count: 10_000, progress: 0.4 })
      )

      await resumeCouponCodeBatches(getContainer())
      const done = await waitForBatch(api, store, coupon.id, batch.id)
      expect(done).toEqual(expect.objectContaining({ status: "completed", generated_count: 25_000 }))
      const codes = await batchCodes(batch.id)
      expect(codes).toHaveLength(25_000)
      expect(new Set(codes).size).toBe(25_000)
      // the first chunk was kept, not redone
      expect([...before].every((code) => codes.includes(code))).toBe(true)
      // a finished batch is not picked up again
      await pg().raw(`UPDATE coupon_code_batch SET updated_at = now() - interval '10 minutes' WHERE id = ?`, [batch.id])
      expect(await service.listStaleCodeBatches(120)).toEqual([])
    })

    it("should end the workflow done, or mark the batch failed and revert it (codes taken back) when the pattern runs out", async () => {
      const coupon = await createCouponViaApi(api, store)
      const service = couponService(getContainer())
      const settings = (pattern: string) => ({ pattern, charset: "digits", usage_limit: 1, expires_at: null }) as never
      const good = await service.createCouponCodeBatches({
        coupon_id: coupon.id,
        requested_count: 500,
        status: "pending",
        settings: settings("OK-######"),
      })
      expect(await runGeneration(good.id)).toBe("done")
      expect(await batchCodes(good.id)).toHaveLength(500)

      // 10 possible codes for 20 requested: only reachable by bypassing the API's entropy guard
      const batch = await service.createCouponCodeBatches({
        coupon_id: coupon.id,
        requested_count: 20,
        status: "pending",
        settings: settings("ZZ#"),
      })
      expect(await runGeneration(batch.id)).toBe("reverted")
      const failed = (await api.get(`/admin/coupons/${coupon.id}/code-batches/${batch.id}`, store.adminHeaders)).data.batch
      expect(failed).toEqual(expect.objectContaining({ status: "failed", generated_count: 0 }))
      expect(failed.error).toContain("run out of free codes")
      expect(await batchCodes(batch.id)).toEqual([])
      expect(await batchCodes(good.id)).toHaveLength(500)
    })
  })
})
