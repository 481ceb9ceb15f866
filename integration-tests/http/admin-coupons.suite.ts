import { httpSuite } from "./fixtures/http-suite"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

const percentage = { name: "Summer ten", discount_type: "percentage", discount_value: 10, status: "active" }

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture
  const fail = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error("expected a failure")
      },
      (error) => error.response
    )

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  describe("admin auth", () => {
    it("should answer 401 on every coupon route without a token", async () => {
      // thunks: each request starts when awaited, so no refusal waits unhandled
      const calls = [
        () => api.get("/admin/coupons"),
        () => api.post("/admin/coupons", percentage),
        () => api.get("/admin/coupons/cpn_1"),
        () => api.post("/admin/coupons/cpn_1", { name: "x" }),
        () => api.delete("/admin/coupons/cpn_1"),
      ]
      for (const call of calls) {
        expect((await fail(call())).status).toBe(401)
      }
    })
  })

  describe("POST /admin/coupons", () => {
    it("should create a coupon with its shared code and a backing promotion", async () => {
      const { status, data } = await api.post(
        "/admin/coupons",
        { ...percentage, code: " summer-10 ", usage_limit: 100, allowed_email_domains: ["*.Example.com"] },
        store.adminHeaders
      )
      expect(status).toBe(200)
      expect(data.coupon).toEqual(
        expect.objectContaining({
          name: "Summer ten",
          discount_type: "percentage",
          discount_value: 10,
          usage_limit: 100,
          usage_count: 0,
          allowed_email_domains: ["*.example.com"],
          usage_limit_per_customer: 1,
        })
      )
      // default end from the plugin options: 30 days after now
      const days = (new Date(data.coupon.ends_at).getTime() - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(29.9)
      expect(days).toBeLessThanOrEqual(30)

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [withLinks],
      } = await query.graph({
        entity: "coupon",
        fields: ["codes.code", "promotion.code", "promotion.status"],
        filters: { id: data.coupon.id },
      })
      expect(withLinks.codes.map((c: { code: string }) => c.code)).toEqual(["SUMMER-10"])
      expect(withLinks.promotion.code).toMatch(/^CPN-[A-Z0-9]{32}$/)
      expect(withLinks.promotion.status).toBe("active")
    })

    it("should list every problem of a bad coupon in one 400", async () => {
      const response = await fail(
        api.post(
          "/admin/coupons",
          { name: "", discount_type: "fixed", discount_value: 5, starts_at: "2030-01-02", ends_at: "2030-01-01", code: "a b", extra: 1 },
          store.adminHeaders
        )
      )
      expect(response.status).toBe(400)
      expect(response.data.type).toBe("invalid_data")
      for (const field of ["name", "extra"]) {
        expect(response.data.message).toContain(field)
      }
      const second = await fail(
        api.post(
          "/admin/coupons",
          { name: "x", discount_type: "fixed", discount_value: 5, starts_at: "2030-01-02", ends_at: "2030-01-01", code: "a b" },
          store.adminHeaders
        )
      )
      for (const field of ["currency_code", "ends_at", "code"]) {
        expect(second.data.message).toContain(field)
      }
      const third = await fail(
        api.post("/admin/coupons", { name: "x", discount_type: "percentage", discount_value: 120 }, store.adminHeaders)
      )
      expect(third.data.message).toContain("discount_value")
      const { data } = await api.get("/admin/coupons", store.adminHeaders)
      expect(data.count).toBe(0)
    })

    it("should refuse a code that another coupon already uses and create nothing", async () => {
      await api.post("/admin/coupons", { ...percentage, code: "TAKEN" }, store.adminHeaders)
      const response = await fail(api.post("/admin/coupons", { ...percentage, name: "Other", code: "taken" }, store.adminHeaders))
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
      const { data } = await api.get("/admin/coupons?q=Other", store.adminHeaders)
      expect(data.count).toBe(0)
      // only the first coupon's: its backing promotion and that one's tax-inclusive twin
      const promotions = await getContainer().resolve("promotion").listPromotions({})
      const [backing] = promotions.filter((promotion: { is_tax_inclusive: boolean }) => !promotion.is_tax_inclusive)
      expect(promotions.map((promotion: { code: string }) => promotion.code).sort()).toEqual([backing.code, `${backing.code}-TI`])
    })
  })

  describe("GET /admin/coupons", () => {
    it("should search, filter and page in Medusa's list shape", async () => {
      const past = new Date(Date.now() - 10 * 86_400_000).toISOString()
      const yesterday = new Date(Date.now() - 86_400_000).toISOString()
      const future = new Date(Date.now() + 10 * 86_400_000).toISOString()
      await api.post("/admin/coupons", { ...percentage, name: "Live one", code: "LIVE-1" }, store.adminHeaders)
      await api.post(
        "/admin/coupons",
        { ...percentage, name: "Old one", code: "OLD-1", starts_at: past, ends_at: yesterday },
        store.adminHeaders
      )
      await api.post("/admin/coupons", { ...percentage, name: "Later one", code: "LATER-1", starts_at: future }, store.adminHeaders)
      await api.post(
        "/admin/coupons",
        { name: "Free ship", discount_type: "free_shipping", status: "draft", code: "SHIPFREE" },
        store.adminHeaders
      )

      const all = (await api.get("/admin/coupons?limit=2&offset=0&order=name", store.adminHeaders)).data
      expect(all).toEqual(expect.objectContaining({ count: 4, offset: 0, limit: 2 }))
      expect(all.coupons.map((c: { name: string }) => c.name)).toEqual(["Free ship", "Later one"])

      const names = async (qs: string) =>
        (await api.get(`/admin/coupons?${qs}`, store.adminHeaders)).data.coupons.map((c: { name: string }) => c.name).sort()
      expect(await names("q=live")).toEqual(["Live one"])
      expect(await names("q=old-1")).toEqual(["Old one"])
      expect(await names("state=active")).toEqual(["Live one"])
      expect(await names("state=expired")).toEqual(["Old one"])
      expect(await names("state=scheduled")).toEqual(["Later one"])
      expect(await names("status=draft")).toEqual(["Free ship"])
      expect(await names("discount_type=free_shipping")).toEqual(["Free ship"])
      expect((await fail(api.get("/admin/coupons?state=soon", store.adminHeaders))).status).toBe(400)
      expect((await fail(api.get("/admin/coupons?order=nope", store.adminHeaders))).status).toBe(400)
      expect((await fail(api.get("/admin/coupons?offset=-1", store.adminHeaders))).status).toBe(400)
    })
  })

  describe("GET /admin/coupons code_summary", () => {
    it("should show a coupon's shared code, or how many live codes it has", async () => {
      await api.post("/admin/coupons", { ...percentage, name: "Shared", code: "SHARED-1" }, store.adminHeaders)
      const many = (await api.post("/admin/coupons", { ...percentage, name: "Many" }, store.adminHeaders)).data.coupon
      const codes = Array.from({ length: 3 }, (_, i) => ({ code: `MANY-${i}` }))
      await api.post(`/admin/coupons/${many.id}/codes`, { codes }, store.adminHeaders)
      await api.post("/admin/coupons", { ...percentage, name: "Empty" }, store.adminHeaders)

      const { coupons } = (await api.get("/admin/coupons?order=name", store.adminHeaders)).data

      expect(coupons.map((coupon: { name: string; code_summary: unknown }) => [coupon.name, coupon.code_summary])).toEqual([
        ["Empty", { count: 0, code: null }],
        ["Many", { count: 3, code: null }],
        ["Shared", { count: 1, code: "SHARED-1" }],
      ])
    })
  })

  describe("GET/POST/DELETE /admin/coupons/:id", () => {
    it("should replace a map or a selector as sent, not merge it into the stored one", async () => {
      const { data } = await api.post(
        "/admin/coupons",
        { ...percentage, code: "MAPS", budget_limits: { usd: 100, eur: 50 }, targets: { product_ids: ["prod_jacket"] } },
        store.adminHeaders
      )
      const id = data.coupon.id
      const updated = await api.post(
        `/admin/coupons/${id}`,
        { budget_limits: { usd: 80 }, targets: { collection_ids: ["pcol_summer"] }, metadata: { a: 1 } },
        store.adminHeaders
      )
      // the EUR budget is gone, and the product no longer sits beside the collection
      expect(updated.data.coupon.budget_limits).toEqual({ usd: 80 })
      expect(updated.data.coupon.targets).toEqual({ collection_ids: ["pcol_summer"] })
      // metadata keeps Medusa's merge, as everywhere in Medusa
      const merged = await api.post(`/admin/coupons/${id}`, { metadata: { b: 2 } }, store.adminHeaders)
      expect(merged.data.coupon.metadata).toEqual({ a: 1, b: 2 })
    })

    it("should read, update in step with the promotion, and soft delete", async () => {
      const { data } = await api.post("/admin/coupons", { ...percentage, code: "EDIT-ME" }, store.adminHeaders)
      const id = data.coupon.id
      expect((await api.get(`/admin/coupons/${id}?fields=id,name`, store.adminHeaders)).data.coupon).toEqual({ id, name: "Summer ten" })

      const updated = await api.post(`/admin/coupons/${id}`, { status: "inactive", discount_value: 25 }, store.adminHeaders)
      expect(updated.data.coupon).toEqual(expect.objectContaining({ status: "inactive", discount_value: 25 }))
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const promotionOf = async () =>
        (
          await query.graph({
            entity: "coupon",
            fields: ["promotion.id", "promotion.status", "promotion.application_method.value"],
            filters: { id },
            withDeleted: true,
          })
        ).data[0].promotion
      const promotion = await promotionOf()
      expect(promotion.status).toBe("inactive")
      expect(Number(promotion.application_method.value)).toBe(25)

      const removed = await api.delete(`/admin/coupons/${id}`, store.adminHeaders)
      expect(removed.data).toEqual({ id, object: "coupon", deleted: true })
      expect((await fail(api.get(`/admin/coupons/${id}`, store.adminHeaders))).status).toBe(404)
      expect(await getContainer().resolve("promotion").listPromotions({ id: promotion.id })).toHaveLength(0)
      // the code text is free again
      await api.post("/admin/coupons", { ...percentage, code: "EDIT-ME" }, store.adminHeaders)
    })

    it("should answer 404 for an unknown coupon and 400 for a limit below usage", async () => {
      expect((await fail(api.get("/admin/coupons/cpn_missing", store.adminHeaders))).status).toBe(404)
      expect((await fail(api.post("/admin/coupons/cpn_missing", { name: "x" }, store.adminHeaders))).status).toBe(404)
      expect((await fail(api.delete("/admin/coupons/cpn_missing", store.adminHeaders))).status).toBe(404)

      const { data } = await api.post("/admin/coupons", { ...percentage, code: "USED" }, store.adminHeaders)
      await getContainer().resolve("coupon").updateCoupons({ id: data.coupon.id, usage_count: 3 })
      const response = await fail(api.post(`/admin/coupons/${data.coupon.id}`, { usage_limit: 2 }, store.adminHeaders))
      expect(response.status).toBe(400)
      expect(response.data.message).toContain("usage_limit")
    })

    it("should judge a partial update on the merged coupon by the rules of create, and change nothing when it fails", async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [variant],
      } = await query.graph({ entity: "product_variant", fields: ["product_id"], filters: { id: store.variantId } })
      const products = { product_ids: [variant.product_id] }
      const create = async (body: Record<string, unknown>) =>
        (await api.post("/admin/coupons", { name: "Partial", status: "active", ...body }, store.adminHeaders)).data.coupon.id as string
      const buyGet = await create({
        discount_type: "buy_get",
        discount_value: 100,
        buy_quantity: 2,
        get_quantity: 1,
        buy_targets: products,
        targets: products,
      })
      const fixed = await create({ discount_type: "fixed", discount_value: 5, currency_code: "usd" })
      const items = await create({ discount_type: "percentage", discount_value: 10, target: "items" })
      const freeShipping = await create({ discount_type: "free_shipping" })
      const targeted = await create({ discount_type: "percentage", discount_value: 10, target: "items", targets: products })

      const stateOf = async (id: string) =>
        (
          await query.graph({
            entity: "coupon",
            fields: [
              "*",
              "promotion.application_method.value",
              "promotion.application_method.target_type",
              "promotion.application_method.type",
            ],
            filters: { id },
          })
        ).data[0]
      const cases: [string, Record<string, unknown>, string][] = [
        [buyGet, { discount_value: 500 }, "discount_value"],
        [buyGet, { discount_value: 100.5 }, "discount_value"],
        [buyGet, { discount_value: 0 }, "discount_value"],
        [fixed, { discount_value: 0 }, "discount_value"],
        [items, { shipping_option_ids: [store.shippingOptionId] }, "shipping_option_ids"],
        [freeShipping, { targets: products }, "targets"],
        [targeted, { target: "shipping" }, "targets"],
      ]
      for (const [id, body, field] of cases) {
        const before = await stateOf(id)
        const response = await fail(api.post(`/admin/coupons/${id}`, body, store.adminHeaders))
        expect({ body, status: response.status, type: response.data.type }).toEqual({ body, status: 400, type: "invalid_data" })
        expect(response.data.message).toContain(`${field}:`)
        const after = await stateOf(id)
        expect({ body, after: { ...after, updated_at: null } }).toEqual({ body, after: { ...before, updated_at: null } })
      }
      // a partial update that keeps the coupon valid still goes through
      expect((await api.post(`/admin/coupons/${buyGet}`, { discount_value: 50 }, store.adminHeaders)).data.coupon.discount_value).toBe(50)
    })

    it("should answer 400, not 500, for a path with broken percent-encoding", async () => {
      const { data } = await api.post("/admin/coupons", { ...percentage, code: "ESCAPE" }, store.adminHeaders)
      const calls = [
        () => api.get("/admin/coupons/%E0%A4%A", store.adminHeaders),
        () => api.post("/admin/coupons/%zz", { name: "x" }, store.adminHeaders),
        () => api.get(`/admin/coupons/${data.coupon.id}/codes/%`, store.adminHeaders),
        () => api.delete("/store/carts/cart_01/coupons/%E0%A4%A", store.storeHeaders),
        () => api.post("/store/carts/%zz/coupons", { code: "ESCAPE" }, store.storeHeaders),
      ]
      for (const call of calls) {
        const response = await fail(call())
        expect(response.status).toBe(400)
        expect(response.data).toEqual({ type: "invalid_data", message: "Invalid path: malformed percent-encoding" })
      }
    })
  })

  describe("POST /admin/coupons/:id/duplicate", () => {
    it("should copy every setting into a draft without codes or usage", async () => {
      const body = {
        name: "Everything set",
        description: "A coupon with every kind of setting",
        status: "active",
        discount_type: "percentage",
        discount_value: 15,
        currency_code: "usd",
        max_discount_amount: 40,
        target: "items",
        starts_at: "2026-01-01T00:00:00.000Z",
        ends_at: "2031-01-01T00:00:00.000Z",
        usage_limit: 100,
        usage_limit_period: "day",
        usage_limit_per_customer: 2,
        usage_limit_per_customer_period: "month",
        min_subtotal: 30,
        allowed_email_domains: ["example.com"],
        region_ids: [store.regionId],
        currency_codes: ["usd"],
        combinable: true,
        metadata: { campaign: "spring" },
        targets: { product_ids: ["prod_1"] },
        excluded_targets: { collection_ids: ["pcol_1"] },
        customer_group_ids: ["cusgroup_1"],
        first_order_only: true,
        requires_login: true,
        min_quantity: 2,
        min_matching_subtotal: 25,
        budget_limits: { usd: 500 },
        code: "EVERYTHING",
      }
      const { data: created } = await api.post("/admin/coupons", body, store.adminHeaders)

      const { data } = await api.post(`/admin/coupons/${created.coupon.id}/duplicate`, {}, store.adminHeaders)

      const { code: _code, name: _name, status: _status, ...settings } = body
      expect(data.coupon).toMatchObject({ ...settings, name: "Everything set (copy)", status: "draft", usage_count: 0 })
      expect(data.coupon.id).not.toBe(created.coupon.id)
      const codes = await api.get(`/admin/coupons/${data.coupon.id}/codes`, store.adminHeaders)
      expect(codes.data.count).toBe(0)
    })
  })
})
