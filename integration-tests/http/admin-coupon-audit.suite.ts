import { httpSuite } from "./fixtures/http-suite"
import { createCouponViaApi, fail, waitForBatch } from "./fixtures/admin"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

type AuditEntry = {
  action: string
  actor_id: string | null
  code_id: string | null
  changes: Record<string, any> | null
  created_at: string
}

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const trail = async (couponId: string): Promise<AuditEntry[]> => {
    const { data } = await api.get(`/admin/coupons/${couponId}?fields=id,*audit_entries`, store.adminHeaders)
    return (data.coupon.audit_entries as AuditEntry[]).sort((a, b) => a.created_at.localeCompare(b.created_at))
  }

  describe("GET /admin/coupons/:id?fields=*audit_entries", () => {
    it("should record who changed what on the coupon and its codes, and when", async () => {
      const coupon = await createCouponViaApi(api, store, { name: "Audited", code: "AUDIT-1" })
      await api.post(
        `/admin/coupons/${coupon.id}`,
        { name: "Audited 15", discount_value: 15, discount_type: "percentage" },
        store.adminHeaders
      )
      const {
        data: { codes },
      } = await api.get(`/admin/coupons/${coupon.id}/codes`, store.adminHeaders)
      await api.post(`/admin/coupons/${coupon.id}/codes/${codes[0].id}`, { status: "disabled" }, store.adminHeaders)
      await api.post(`/admin/coupons/${coupon.id}/codes`, { codes: [{ code: "AUDIT-2" }, { code: "AUDIT-3" }] }, store.adminHeaders)
      await api.post(`/admin/coupons/${coupon.id}/codes/import`, { csv: "code\nAUDIT-4\n" }, store.adminHeaders)
      const {
        data: { batch },
      } = await api.post(`/admin/coupons/${coupon.id}/code-batches`, { count: 5, prefix: "AUD" }, store.adminHeaders)
      await waitForBatch(api, store, coupon.id, batch.id)
      await api.post(`/admin/coupons/${coupon.id}/distributions`, { emails: ["ann@example.com"], batch_id: batch.id }, store.adminHeaders)

      const entries = await trail(coupon.id)
      expect(entries.map((entry) => entry.action)).toEqual([
        "coupon.created",
        "coupon.updated",
        "code.updated",
        "codes.added",
        "codes.imported",
        "batch.created",
        "distribution.created",
      ])
      // every change is the admin user's, never anonymous
      expect(new Set(entries.map((entry) => entry.actor_id)).size).toBe(1)
      expect(entries[0].actor_id).toMatch(/^user_/)
      expect(entries[0].changes).toEqual({ code: "AUDIT-1" })
      // an update lists exactly the fields that changed, before and after
      expect(entries[1].changes).toEqual({ name: { from: "Audited", to: "Audited 15" }, discount_value: { from: 10, to: 15 } })
      expect(entries[2]).toMatchObject({ code_id: codes[0].id, changes: { code: "AUDIT-1", status: { from: "active", to: "disabled" } } })
      expect(entries[3].changes).toEqual({ count: 2, codes: ["AUDIT-2", "AUDIT-3"] })
      expect(entries[4].changes).toEqual({ count: 1, codes: ["AUDIT-4"] })
      expect(entries[5].changes).toMatchObject({ batch_id: batch.id, count: 5 })
      expect(entries[6].changes).toMatchObject({ assigned: 1, skipped: 0, batch_id: batch.id })
    })

    it("should record nothing for a change that was refused", async () => {
      const coupon = await createCouponViaApi(api, store, { name: "Strict" })
      expect(
        (await fail(api.post(`/admin/coupons/${coupon.id}`, { discount_value: 150, discount_type: "percentage" }, store.adminHeaders)))
          .status
      ).toBe(400)
      expect((await fail(api.post(`/admin/coupons/${coupon.id}/codes`, { codes: [{ code: "x" }] }, store.adminHeaders))).status).toBe(400)
      expect((await trail(coupon.id)).map((entry) => entry.action)).toEqual(["coupon.created"])
    })

    it("should keep the trail of a deleted coupon, with the deletion", async () => {
      const coupon = await createCouponViaApi(api, store, { name: "Gone" })
      await api.delete(`/admin/coupons/${coupon.id}`, store.adminHeaders)
      const { data } = await api.get(`/admin/coupons/${coupon.id}`, store.adminHeaders).catch((error) => error.response)
      expect(data.type).toBe("not_found")
      const service = getContainer().resolve("coupon") as { listCouponAuditEntries: (filters: object) => Promise<AuditEntry[]> }
      const entries = await service.listCouponAuditEntries({ coupon_id: coupon.id })
      expect(entries.map((entry) => entry.action).sort()).toEqual(["coupon.created", "coupon.deleted"])
    })
  })
})
