import { Modules } from "@medusajs/framework/utils"
import { httpSuite } from "./fixtures/http-suite"
import { createCouponViaApi, fail, waitForBatch } from "./fixtures/admin"
import { applyCode, completeCart, createCart } from "./fixtures/checkout"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

type Assignment = { code_id: string; code: string; email: string | null; customer_id: string | null }

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  /** A coupon with a finished batch of single-use codes. */
  const couponWithBatch = async (count: number) => {
    const coupon = await createCouponViaApi(api, store, { name: "Welcome pack" })
    const {
      data: { batch },
    } = await api.post(`/admin/coupons/${coupon.id}/code-batches`, { count, prefix: "WELCOME" }, store.adminHeaders)
    expect((await waitForBatch(api, store, coupon.id, batch.id)).status).toBe("completed")
    return { coupon, batchId: batch.id as string }
  }

  /** Notifications the local provider was asked to send, per recipient. */
  const notificationsTo = async (emails: string[]) => {
    const notifications = getContainer().resolve(Modules.NOTIFICATION)
    return await notifications.listNotifications({ to: emails } as never, { take: 10_000 })
  }

  const waitFor = async <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 120_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const value = await read()
      if (done(value) || Date.now() > deadline) {
        return value
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }

  describe("POST /admin/coupons/:id/distributions", () => {
    it("should give 1,000 emails 1,000 distinct codes, emit 1,000 events and send 1,000 notifications", async () => {
      const { coupon, batchId } = await couponWithBatch(1_100)
      const events: { code: string; email: string }[] = []
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe("coupon.code_assigned", async (event: { data: { code: string; email: string } }) => {
          events.push(event.data)
        })
      const emails = Array.from({ length: 1_000 }, (_, index) => `fan-${index}@example.com`)

      const { status, data } = await api.post(
        `/admin/coupons/${coupon.id}/distributions`,
        { emails: [...emails, "FAN-0@example.com"], batch_id: batchId },
        store.adminHeaders
      )
      expect(status).toBe(200)
      // the repeated address (another case) counts once
      expect(data.distribution).toMatchObject({ recipient_count: 1_000, assigned_count: 1_000, skipped_count: 0, batch_id: batchId })
      expect(data.distribution.created_by).toMatch(/^user_/)
      const assignments = data.assignments as Assignment[]
      expect(new Set(assignments.map((assignment) => assignment.code)).size).toBe(1_000)
      expect(new Set(assignments.map((assignment) => assignment.email))).toEqual(new Set(emails))

      const received = await waitFor(
        async () => events,
        (list) => list.length >= 1_000
      )
      expect(received).toHaveLength(1_000)
      expect(new Set(received.map((event) => event.code))).toEqual(new Set(assignments.map((assignment) => assignment.code)))

      const sent = await waitFor(
        () => notificationsTo(emails),
        (list) => list.length >= 1_000
      )
      expect(sent).toHaveLength(1_000)
      const first = sent.find((notification) => notification.to === "fan-0@example.com")!
      expect(first).toMatchObject({ channel: "email", template: "coupon-code-assigned", provider_id: "local" })
      expect(first.data).toMatchObject({
        code: assignments.find((assignment) => assignment.email === "fan-0@example.com")!.code,
        coupon_name: "Welcome pack",
      })

      // the admin reads who got which code
      const listed = await api.get(
        `/admin/coupons/${coupon.id}/codes?distribution_id=${data.distribution.id}&limit=1000&fields=code,assigned_email,usage_count`,
        store.adminHeaders
      )
      expect(listed.data.count).toBe(1_000)
      const free = await api.get(`/admin/coupons/${coupon.id}/codes?assigned=false&limit=1`, store.adminHeaders)
      expect(free.data.count).toBe(100)

      // running the same list again hands out nothing new
      const again = await api.post(`/admin/coupons/${coupon.id}/distributions`, { emails: emails.slice(0, 10) }, store.adminHeaders)
      expect(again.data.distribution).toMatchObject({ assigned_count: 0, skipped_count: 10 })
    }, 600_000)

    it("should never hand the same code out twice when two distributions run at once", async () => {
      const { coupon, batchId } = await couponWithBatch(400)
      const list = (name: string) => Array.from({ length: 200 }, (_, index) => `${name}-${index}@example.com`)
      const [first, second] = await Promise.all(
        ["left", "right"].map((name) =>
          api.post(`/admin/coupons/${coupon.id}/distributions`, { emails: list(name), batch_id: batchId }, store.adminHeaders)
        )
      )
      const codes = [...first.data.assignments, ...second.data.assignments].map((assignment: Assignment) => assignment.code)
      expect(codes).toHaveLength(400)
      expect(new Set(codes).size).toBe(400)
    })

    it("should give each code a relative expiry from the hand-out, never later than its own, and send it", async () => {
      const { coupon, batchId } = await couponWithBatch(4)
      const service = getContainer().resolve("coupon")
      const codes = await service.listCouponCodes({ coupon_id: coupon.id }, { order: { id: "ASC" } })
      // the first code picked already ends sooner than the relative expiry would
      const soon = new Date(Date.now() + 2 * 86_400_000)
      await service.updateCouponCodes({ id: codes[0].id, expires_at: soon })
      const emails = ["week-1@example.com", "week-2@example.com"]
      const before = Date.now()

      const { data } = await api.post(
        `/admin/coupons/${coupon.id}/distributions`,
        { emails, batch_id: batchId, valid_for_days: 7 },
        store.adminHeaders
      )

      expect(data.distribution.valid_for_days).toBe(7)
      const byEmail = new Map((data.assignments as (Assignment & { expires_at: string })[]).map((row) => [row.email, row]))
      const firstExpiry = Date.parse(byEmail.get("week-1@example.com")!.expires_at)
      expect(Math.abs(firstExpiry - soon.getTime())).toBeLessThan(1_000)
      const weekExpiry = Date.parse(byEmail.get("week-2@example.com")!.expires_at)
      expect(weekExpiry - before).toBeGreaterThan(7 * 86_400_000 - 60_000)
      expect(weekExpiry - Date.now()).toBeLessThanOrEqual(7 * 86_400_000)
      const stored = await service.retrieveCouponCode(byEmail.get("week-2@example.com")!.code_id)
      expect(new Date(stored.expires_at).getTime()).toBe(weekExpiry)
      const sent = await waitFor(
        () => notificationsTo(["week-2@example.com"]),
        (list) => list.length >= 1
      )
      expect(sent[0].data).toMatchObject({
        code: byEmail.get("week-2@example.com")!.code,
        expires_at: new Date(weekExpiry).toISOString(),
      })
      const listed = (await api.get(`/admin/coupons/${coupon.id}/distributions`, store.adminHeaders)).data.distributions
      expect(listed[0]).toMatchObject({ id: data.distribution.id, valid_for_days: 7 })
      // codes handed out without it keep their own expiry
      const plain = await api.post(`/admin/coupons/${coupon.id}/distributions`, { emails: ["plain@example.com"] }, store.adminHeaders)
      expect(plain.data.assignments[0].expires_at).toBeNull()
    })

    it("should put a code's own expiry back when its distribution is undone", async () => {
      const { coupon, batchId } = await couponWithBatch(2)
      const service = getContainer().resolve("coupon")
      const result = await service.distributeCodes({
        coupon_id: coupon.id,
        batch_id: batchId,
        recipients: [{ email: "undo@example.com" }],
        valid_for_days: 3,
      })
      expect(result.assignments[0].expires_at).not.toBeNull()

      await service.undoDistribution(result.distribution_id, result.expiry_before)

      const code = await service.retrieveCouponCode(result.assignments[0].code_id)
      expect(code).toMatchObject({ expires_at: null, assigned_email: null, distribution_id: null })
    })

    it("should assign nothing and say so when there are fewer free codes than recipients", async () => {
      const { coupon, batchId } = await couponWithBatch(3)
      const refused = await fail(
        api.post(
          `/admin/coupons/${coupon.id}/distributions`,
          { emails: ["a@example.com", "b@example.com", "c@example.com", "d@example.com"], batch_id: batchId },
          store.adminHeaders
        )
      )
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(
        `Only 3 unused, unassigned codes left in batch ${batchId} for 4 recipients: generate more codes first. Nothing was assigned.`
      )
      const assigned = await api.get(`/admin/coupons/${coupon.id}/codes?assigned=true`, store.adminHeaders)
      expect(assigned.data.count).toBe(0)
      const distributions = await api.get(`/admin/coupons/${coupon.id}/distributions`, store.adminHeaders)
      expect(distributions.data.count).toBe(0)
    })

    it("should hand codes to the members of a customer group, bound to their accounts", async () => {
      const { coupon } = await couponWithBatch(5)
      const customers = getContainer().resolve(Modules.CUSTOMER)
      const [group] = await customers.createCustomerGroups([{ name: "Newsletter" }])
      const members = await customers.createCustomers([
        { email: "Member-One@example.com", has_account: true },
        { email: "member-two@example.com", has_account: true },
      ] as never)
      await customers.addCustomerToGroup(members.map((member) => ({ customer_id: member.id, customer_group_id: group.id })))

      const { data } = await api.post(`/admin/coupons/${coupon.id}/distributions`, { customer_group_id: group.id }, store.adminHeaders)
      expect(data.distribution).toMatchObject({ customer_group_id: group.id, assigned_count: 2 })
      expect((data.assignments as Assignment[]).map((assignment) => assignment.customer_id).sort()).toEqual(
        members.map((member) => member.id).sort()
      )

      // the code works for its owner's email and no one else's
      const owned = (data.assignments as Assignment[]).find((assignment) => assignment.email === "member-one@example.com")!
      const stranger = await createCart(api, store, { email: "stranger@example.com" })
      expect((await applyCode(api, store, stranger, owned.code)).data.code).toBe("not_assigned_to_you")
      const owner = await createCart(api, store, { email: "member-one@example.com" })
      expect((await applyCode(api, store, owner, owned.code)).status).toBe(200)
      expect((await completeCart(api, store, owner)).data.type).toBe("order")

      const listed = await api.get(`/admin/coupons/${coupon.id}/distributions`, store.adminHeaders)
      expect(listed.data.distributions[0]).toMatchObject({ id: data.distribution.id, assigned_count: 2, redeemed_count: 1 })
    })

    it("should answer 400 for bad bodies, 404 for unknown coupons, batches and groups, and 401 without a session", async () => {
      const { coupon } = await couponWithBatch(2)
      const bad = await fail(
        api.post(
          `/admin/coupons/${coupon.id}/distributions`,
          { emails: ["not-an-email"], customer_group_id: "cusgroup_1" },
          store.adminHeaders
        )
      )
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/must be an email address/)
      expect(bad.data.message).toMatch(/give either emails or customer_group_id/)
      for (const valid_for_days of [0, 1.5, 4000, "7"]) {
        const refused = await fail(
          api.post(`/admin/coupons/${coupon.id}/distributions`, { emails: ["a@example.com"], valid_for_days }, store.adminHeaders)
        )
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/valid_for_days/)
      }

      expect(
        (await fail(api.post(`/admin/coupons/cpn_missing/distributions`, { emails: ["a@example.com"] }, store.adminHeaders))).status
      ).toBe(404)
      expect(
        (
          await fail(
            api.post(
              `/admin/coupons/${coupon.id}/distributions`,
              { emails: ["a@example.com"], batch_id: "cpnbatch_missing" },
              store.adminHeaders
            )
          )
        ).status
      ).toBe(404)
      expect(
        (await fail(api.post(`/admin/coupons/${coupon.id}/distributions`, { customer_group_id: "cusgroup_missing" }, store.adminHeaders)))
          .status
      ).toBe(404)
      expect((await fail(api.post(`/admin/coupons/${coupon.id}/distributions`, { emails: ["a@example.com"] }))).status).toBe(401)
      expect((await fail(api.get(`/admin/coupons/${coupon.id}/distributions`))).status).toBe(401)
    })
  })
})
