import { Modules } from "@medusajs/framework/utils"
import { httpSuite } from "./fixtures/http-suite"
import { createCouponViaApi } from "./fixtures/admin"
import { backingPromotionCode } from "./fixtures/coupons"
import { createNativePromotion } from "./fixtures/promotions"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const send = (method: "post" | "delete", url: string, body?: unknown) =>
    (method === "post" ? api.post(url, body ?? {}, store.adminHeaders) : api.delete(url, store.adminHeaders)).catch(
      (error) => error.response
    )

  const backingOf = async (couponId: string) => {
    const code = await backingPromotionCode(getContainer(), couponId)
    const [promotion] = await getContainer()
      .resolve(Modules.PROMOTION)
      .listPromotions({ code }, { select: ["id", "code", "status"], relations: ["application_method"] })
    return promotion
  }

  describe("GET /admin/promotions", () => {
    it("should leave the coupons' own promotions out of Medusa's list, its count and its pages", async () => {
      await createCouponViaApi(api, store, { name: "Hidden ten", code: "HIDDEN10" })
      const coupon = await createCouponViaApi(api, store, { name: "Hidden five", code: "HIDDEN5" })
      await createNativePromotion(getContainer(), "NATIVE-A")
      await createNativePromotion(getContainer(), "NATIVE-B")
      const backing = await backingOf(coupon.id)

      const { data } = await api.get("/admin/promotions?fields=id,code&limit=1", store.adminHeaders)
      expect(data.count).toBe(2)
      expect(data.promotions.map((promotion: { code: string }) => promotion.code)).toHaveLength(1)
      const all = (await api.get("/admin/promotions?fields=code&limit=50&q=", store.adminHeaders)).data
      expect(all.promotions.map((promotion: { code: string }) => promotion.code).sort()).toEqual(["NATIVE-A", "NATIVE-B"])
      // Medusa's own filters still apply on top
      const searched = (await api.get("/admin/promotions?fields=code&q=NATIVE-B", store.adminHeaders)).data
      expect(searched.promotions.map((promotion: { code: string }) => promotion.code)).toEqual(["NATIVE-B"])
      // asked for by its code, a coupon's promotion is found (read-only: writes are refused below)
      const byCode = (await api.get(`/admin/promotions?fields=id,code&code=${backing.code}`, store.adminHeaders)).data
      expect(byCode.promotions).toEqual([expect.objectContaining({ id: backing.id })])
    })
  })

  describe("POST and DELETE /admin/promotions/:id of a coupon's backing promotion", () => {
    it("should answer 400 naming the coupon and leave the promotion as it was", async () => {
      const coupon = await createCouponViaApi(api, store, { name: "Guarded ten", code: "GUARDED10" })
      const backing = await backingOf(coupon.id)

      const edit = await send("post", `/admin/promotions/${backing.id}`, { status: "inactive" })
      expect(edit.status).toBe(400)
      expect(edit.data.type).toBe("not_allowed")
      expect(edit.data.message).toContain(`coupon "Guarded ten" (${coupon.id})`)

      const value = await send("post", `/admin/promotions/${backing.id}`, { application_method: { value: 90 } })
      expect(value.status).toBe(400)

      const rules = await send("post", `/admin/promotions/${backing.id}/rules/batch`, {
        create: [{ attribute: "currency_code", operator: "in", values: ["eur"] }],
      })
      expect(rules.status).toBe(400)

      const removed = await send("delete", `/admin/promotions/${backing.id}`)
      expect(removed.status).toBe(400)
      expect(removed.data.message).toContain(coupon.id)

      const after = await backingOf(coupon.id)
      expect({ status: after.status, value: Number(after.application_method?.value) }).toEqual({
        status: backing.status,
        value: Number(backing.application_method?.value),
      })
    })

    it("should let Medusa's own promotions be edited and deleted as before", async () => {
      const native = await createNativePromotion(getContainer(), "NATIVE5")
      expect((await send("post", `/admin/promotions/${native.id}`, { status: "inactive" })).status).toBe(200)
      expect((await send("delete", `/admin/promotions/${native.id}`)).status).toBe(200)
    })
  })
})
