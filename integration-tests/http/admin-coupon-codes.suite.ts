import { httpSuite } from "./fixtures/http-suite"
import { createCouponViaApi, fail } from "./fixtures/admin"
import { couponService } from "./fixtures/coupons"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const codesOf = async (couponId: string, qs = "") =>
    (await api.get(`/admin/coupons/${couponId}/codes${qs ? `?${qs}` : ""}`, store.adminHeaders)).data

  describe("admin auth", () => {
    it("should answer 401 on every code, batch, CSV, ledger and stats route without a token", async () => {
      const calls = [
        () => api.get("/admin/coupons/cpn_1/codes"),
        () => api.post("/admin/coupons/cpn_1/codes", { codes: [{ code: "ABC" }] }),
        () => api.post("/admin/coupons/cpn_1/codes/cpncode_1", { status: "disabled" }),
        () => api.delete("/admin/coupons/cpn_1/codes/cpncode_1"),
        () => api.get("/admin/coupons/cpn_1/codes/export"),
        () => api.post("/admin/coupons/cpn_1/codes/import", { csv: "code\nABC\n" }),
        () => api.post("/admin/coupons/cpn_1/code-batches", { count: 10 }),
        () => api.get("/admin/coupons/cpn_1/code-batches/cpnbatch_1"),
        () => api.get("/admin/coupons/cpn_1/redemptions"),
        () => api.get("/admin/coupons/cpn_1/redemptions/export"),
        () => api.get("/admin/coupons/cpn_1/stats"),
        () => api.get("/admin/coupons/stats"),
      ]
      // one at a time: a rejection nobody awaits yet would fail the test
      for (const call of calls) {
        expect((await fail(call())).status).toBe(401)
      }
    })
  })

  describe("POST /admin/coupons/:id/codes", () => {
    it("should create named codes, normalized, with their limits, expiry and assigned email", async () => {
      const coupon = await createCouponViaApi(api, store)
      const { status, data } = await api.post(
        `/admin/coupons/${coupon.id}/codes`,
        {
          codes: [
            { code: " vip-anna ", usage_limit: 1, assigned_email: "Anna@Example.com", expires_at: "2031-01-01T00:00:00Z" },
            { code: "vip-bob" },
          ],
        },
        store.adminHeaders
      )
      expect(status).toBe(200)
      const byCode = Object.fromEntries(data.codes.map((code: { code: string }) => [code.code, code]))
      expect(Object.keys(byCode).sort()).toEqual(["VIP-ANNA", "VIP-BOB"])
      expect(byCode["VIP-ANNA"]).toEqual(
        expect.objectContaining({
          status: "active",
          usage_limit: 1,
          usage_count: 0,
          assigned_email: "anna@example.com",
          coupon_id: coupon.id,
        })
      )
      expect(new Date(byCode["VIP-ANNA"].expires_at).toISOString()).toBe("2031-01-01T00:00:00.000Z")
      expect(byCode["VIP-BOB"].usage_limit).toBeNull()
    })

    it("should name codes repeated in the request (400) or already live in the store (422) and create nothing", async () => {
      const coupon = await createCouponViaApi(api, store, { code: "TAKEN-1" })
      const repeated = await fail(
        api.post(
          `/admin/coupons/${coupon.id}/codes`,
          { codes: [{ code: "dup-1" }, { code: "DUP-1" }, { code: "fine-1" }] },
          store.adminHeaders
        )
      )
      expect(repeated.status).toBe(400)
      expect(repeated.data.type).toBe("invalid_data")
      expect(repeated.data.message).toContain("DUP-1")

      const taken = await fail(
        api.post(`/admin/coupons/${coupon.id}/codes`, { codes: [{ code: "new-1" }, { code: "taken-1" }] }, store.adminHeaders)
      )
      expect(taken.status).toBe(422)
      expect(taken.data.message).toContain("TAKEN-1")
      expect((await codesOf(coupon.id)).codes.map((code: { code: string }) => code.code)).toEqual(["TAKEN-1"])
    })

    it("should list every malformed field in one 400 and answer 404 for an unknown coupon", async () => {
      const coupon = await createCouponViaApi(api, store)
      const response = await fail(
        api.post(
          `/admin/coupons/${coupon.id}/codes`,
          { codes: [{ code: "a b", usage_limit: 0, assigned_email: "nope", extra: true }] },
          store.adminHeaders
        )
      )
      expect(response.status).toBe(400)
      for (const field of ["code", "usage_limit", "assigned_email", "extra"]) {
        expect(response.data.message).toContain(field)
      }
      expect((await fail(api.post(`/admin/coupons/${coupon.id}/codes`, { codes: [] }, store.adminHeaders))).status).toBe(400)
      expect((await fail(api.post("/admin/coupons/cpn_missing/codes", { codes: [{ code: "ABC-1" }] }, store.adminHeaders))).status).toBe(
        404
      )
    })
  })

  describe("GET /admin/coupons/:id/codes", () => {
    it("should search, filter by status and use, and page in Medusa's list shape", async () => {
      const coupon = await createCouponViaApi(api, store)
      const other = await createCouponViaApi(api, store, { name: "Other", code: "OTHER-1" })
      const { data } = await api.post(
        `/admin/coupons/${coupon.id}/codes`,
        { codes: ["ALPHA-1", "ALPHA-2", "BETA-1", "GAMMA-1"].map((code) => ({ code })) },
        store.adminHeaders
      )
      const idOf = (text: string) => data.codes.find((code: { code: string }) => code.code === text).id
      await couponService(getContainer()).updateCouponCodes([
        { id: idOf("BETA-1"), status: "disabled" },
        { id: idOf("GAMMA-1"), usage_count: 2 },
      ] as never)

      const page = await codesOf(coupon.id, "limit=2&offset=1&order=code")
      expect(page).toEqual(expect.objectContaining({ count: 4, offset: 1, limit: 2 }))
      expect(page.codes.map((code: { code: string }) => code.code)).toEqual(["ALPHA-2", "BETA-1"])

      const texts = async (qs: string) => (await codesOf(coupon.id, qs)).codes.map((code: { code: string }) => code.code).sort()
      expect(await texts("q=alpha")).toEqual(["ALPHA-1", "ALPHA-2"])
      expect(await texts("status=disabled")).toEqual(["BETA-1"])
      expect(await texts("used=true")).toEqual(["GAMMA-1"])
      expect(await texts("used=false&status=active")).toEqual(["ALPHA-1", "ALPHA-2"])
      expect(await texts("fields=id,code&q=gamma")).toEqual(["GAMMA-1"])
      expect((await codesOf(other.id)).count).toBe(1)

      expect((await fail(api.get(`/admin/coupons/${coupon.id}/codes?used=maybe`, store.adminHeaders))).status).toBe(400)
      for (const qs of ["order=nope", "limit=abc", "limit=5000", "offset=-1"]) {
        expect((await fail(api.get(`/admin/coupons/${coupon.id}/codes?${qs}`, store.adminHeaders))).status).toBe(400)
      }
      expect((await codesOf(coupon.id, "q=%25%5F")).count).toBe(0)
      expect((await codesOf(coupon.id, "order=-usage_count&limit=1")).codes[0].code).toBe("GAMMA-1")
      expect((await fail(api.get(`/admin/coupons/${coupon.id}/codes?status=gone`, store.adminHeaders))).status).toBe(400)
      expect((await fail(api.get("/admin/coupons/cpn_missing/codes", store.adminHeaders))).status).toBe(404)
    })
  })

  describe("POST /admin/coupons/:id/codes/:code_id", () => {
    it("should disable and re-enable a code, change its limit and expiry, never below its usage", async () => {
      const coupon = await createCouponViaApi(api, store, { code: "EDIT-CODE" })
      const [code] = (await codesOf(coupon.id)).codes
      const url = `/admin/coupons/${coupon.id}/codes/${code.id}`

      const disabled = await api.post(url, { status: "disabled" }, store.adminHeaders)
      expect(disabled.data.code).toEqual(expect.objectContaining({ id: code.id, code: "EDIT-CODE", status: "disabled" }))
      const changed = await api.post(url, { status: "active", usage_limit: 5, expires_at: "2032-06-01T00:00:00Z" }, store.adminHeaders)
      expect(changed.data.code).toEqual(expect.objectContaining({ status: "active", usage_limit: 5 }))
      expect(new Date(changed.data.code.expires_at).toISOString()).toBe("2032-06-01T00:00:00.000Z")

      await couponService(getContainer()).updateCouponCodes({ id: code.id, usage_count: 3 } as never)
      const below = await fail(api.post(url, { usage_limit: 2 }, store.adminHeaders))
      expect(below.status).toBe(400)
      expect(below.data.message).toContain("usage_limit")
      expect((await api.post(url, { usage_limit: 3 }, store.adminHeaders)).data.code.usage_limit).toBe(3)
      expect((await api.post(url, { usage_limit: null }, store.adminHeaders)).data.code.usage_limit).toBeNull()
    })

    it("should answer 400 for a bad body and 404 for an unknown code or a code of another coupon", async () => {
      const coupon = await createCouponViaApi(api, store, { code: "MINE-1" })
      const other = await createCouponViaApi(api, store, { name: "Other", code: "THEIRS-1" })
      const [mine] = (await codesOf(coupon.id)).codes
      const [theirs] = (await codesOf(other.id)).codes
      const bad = await fail(
        api.post(`/admin/coupons/${coupon.id}/codes/${mine.id}`, { status: "gone", usage_limit: 0 }, store.adminHeaders)
      )
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("status")
      expect(bad.data.message).toContain("usage_limit")
      expect((await fail(api.post(`/admin/coupons/${coupon.id}/codes/${mine.id}`, {}, store.adminHeaders))).status).toBe(400)
      expect(
        (await fail(api.post(`/admin/coupons/${coupon.id}/codes/cpncode_missing`, { status: "disabled" }, store.adminHeaders))).status
      ).toBe(404)
      expect(
        (await fail(api.post(`/admin/coupons/${coupon.id}/codes/${theirs.id}`, { status: "disabled" }, store.adminHeaders))).status
      ).toBe(404)
      expect((await fail(api.post(`/admin/coupons/cpn_missing/codes/${mine.id}`, { status: "disabled" }, store.adminHeaders))).status).toBe(
        404
      )
    })
  })

  describe("DELETE /admin/coupons/:id/codes/:code_id", () => {
    it("should delete a never-redeemed code (freeing its text) and refuse a redeemed one", async () => {
      const coupon = await createCouponViaApi(api, store)
      const { data } = await api.post(
        `/admin/coupons/${coupon.id}/codes`,
        { codes: [{ code: "GONE-1" }, { code: "USED-1" }] },
        store.adminHeaders
      )
      const [gone, used] = ["GONE-1", "USED-1"].map((text) => data.codes.find((code: { code: string }) => code.code === text))

      const removed = await api.delete(`/admin/coupons/${coupon.id}/codes/${gone.id}`, store.adminHeaders)
      expect(removed.data).toEqual({ id: gone.id, object: "coupon_code", deleted: true })
      expect((await codesOf(coupon.id)).codes.map((code: { code: string }) => code.code)).toEqual(["USED-1"])
      await api.post(`/admin/coupons/${coupon.id}/codes`, { codes: [{ code: "GONE-1" }] }, store.adminHeaders)

      await couponService(getContainer()).redeemCodes([
        {
          coupon_id: coupon.id,
          code_id: used.id,
          code: "USED-1",
          order_id: "order_used_1",
          customer_keys: [],
          usage_limit_per_customer: null,
          discount_amount: 5,
          order_total: 50,
          currency_code: "usd",
        },
      ])
      const refused = await fail(api.delete(`/admin/coupons/${coupon.id}/codes/${used.id}`, store.adminHeaders))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain("disable it instead")
      expect((await fail(api.delete(`/admin/coupons/${coupon.id}/codes/cpncode_missing`, store.adminHeaders))).status).toBe(404)
      expect((await fail(api.delete(`/admin/coupons/cpn_missing/codes/${used.id}`, store.adminHeaders))).status).toBe(404)
    })
  })
})
