import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import purgeCouponCodeReservations from "../../src/jobs/purge-coupon-code-reservations"
import { applyCode, completeCart, createCart, getCart } from "./fixtures/checkout"
import { cloneCartInApp } from "./fixtures/clone-carts"
import { couponService, createCoupon, usageOf, validateCode } from "./fixtures/coupons"
import { httpSuite } from "./fixtures/http-suite"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

/*
 * A single-use code (usage_limit 1) is held by the cart that applied it for
 * `reservation_minutes` (15 in this app, the default): a second shopper typing
 * the same code is told it is in use instead of finding out at checkout.
 */
export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture
  const knex = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  /** A coupon whose one code can be used once. */
  const singleUseCode = async (code: string) => {
    const created = await createCoupon(getContainer(), { code })
    await couponService(getContainer()).updateCouponCodes({ id: created.code.id, usage_limit: 1 })
    return created
  }
  const reservationsOf = async (codeId: string) =>
    (await knex().raw(`SELECT cart_id, expires_at FROM coupon_code_reservation WHERE coupon_code_id = ? AND deleted_at IS NULL`, [codeId]))
      .rows as { cart_id: string; expires_at: Date }[]
  /** Moves a reservation's expiry, as if the minutes had passed. */
  const expire = (codeId: string) =>
    knex().raw(`UPDATE coupon_code_reservation SET expires_at = now() - interval '1 second' WHERE coupon_code_id = ?`, [codeId])

  describe("POST /store/carts/:id/coupons with a single-use code", () => {
    it("should hold the code for the first cart and refuse it to a second with code_reserved, on apply, promo_codes and validate", async () => {
      const { code } = await singleUseCode("ONCE-ONLY")
      const first = await createCart(api, store, { email: "first@example.com" })
      const second = await createCart(api, store, { email: "second@example.com" })

      expect((await applyCode(api, store, first, "once-only")).status).toBe(200)
      const reservations = await reservationsOf(code.id)
      expect(reservations).toEqual([{ cart_id: first, expires_at: expect.any(Date) }])
      const minutes = (reservations[0].expires_at.getTime() - Date.now()) / 60_000
      expect(minutes).toBeGreaterThan(14)
      expect(minutes).toBeLessThanOrEqual(15)

      const refused = await applyCode(api, store, second, "ONCE-ONLY")
      expect({ status: refused.status, body: refused.data }).toEqual({
        status: 400,
        body: { type: "not_allowed", code: "code_reserved", message: "This code is in use in another checkout." },
      })
      const typed = await api
        .post(`/store/carts/${second}`, { promo_codes: ["ONCE-ONLY"] }, store.storeHeaders)
        .catch((error) => error.response)
      expect(typed.status).toBe(400)
      expect(typed.data.code).toBe("code_reserved")
      const validated = await validateCode(api, store, { code: "ONCE-ONLY", cart_id: second })
      expect(validated.data).toMatchObject({ valid: false, reason: "code_reserved" })
      // the holder itself still sees its code as valid, and its cart carries the discount
      expect((await validateCode(api, store, { code: "ONCE-ONLY", cart_id: first })).data).toMatchObject({
        valid: false,
        reason: "already_applied",
      })
      expect((await getCart(api, store, second)).discount_total).toBe(0)
      expect((await getCart(api, store, first)).discount_total).toBeGreaterThan(0)
    })

    it("should free the code as soon as the holder removes it", async () => {
      const { code } = await singleUseCode("PASS-IT-ON")
      const first = await createCart(api, store, { email: "first@example.com" })
      const second = await createCart(api, store, { email: "second@example.com" })
      expect((await applyCode(api, store, first, "PASS-IT-ON")).status).toBe(200)

      const removed = await api.delete(`/store/carts/${first}/coupons/PASS-IT-ON`, store.storeHeaders)
      expect(removed.status).toBe(200)
      expect(await reservationsOf(code.id)).toEqual([])

      expect((await applyCode(api, store, second, "PASS-IT-ON")).status).toBe(200)
      expect((await reservationsOf(code.id)).map((row) => row.cart_id)).toEqual([second])
    })

    it("should let another cart take an expired reservation, without any job, and refuse the first cart's checkout", async () => {
      const { coupon, code } = await singleUseCode("SLOW-SHOPPER")
      const first = await createCart(api, store, { email: "first@example.com" })
      const second = await createCart(api, store, { email: "second@example.com" })
      expect((await applyCode(api, store, first, "SLOW-SHOPPER")).status).toBe(200)
      await expire(code.id)

      expect((await applyCode(api, store, second, "SLOW-SHOPPER")).status).toBe(200)
      expect((await reservationsOf(code.id)).map((row) => row.cart_id)).toEqual([second])

      const late = await completeCart(api, store, first)
      expect({ status: late.status, code: late.data.code }).toEqual({ status: 400, code: "code_reserved" })
      expect((await getCart(api, store, first)).completed_at).toBeNull()

      const placed = await completeCart(api, store, second)
      expect(placed.data.type).toBe("order")
      expect(placed.data.order.discount_total).toBeGreaterThan(0)
      const usage = await usageOf(getContainer(), coupon.id)
      expect({ coupon: usage.coupon_usage, code: usage.code_usage, ledger: usage.redemptions.length }).toEqual({
        coupon: 1,
        code: { "SLOW-SHOPPER": 1 },
        ledger: 1,
      })
    })

    it("should let the holder check out after its reservation expired when nobody took the code, and end the reservation", async () => {
      const { code } = await singleUseCode("STILL-MINE")
      const cart = await createCart(api, store, { email: "first@example.com" })
      expect((await applyCode(api, store, cart, "STILL-MINE")).status).toBe(200)
      await expire(code.id)

      const placed = await completeCart(api, store, cart)
      expect(placed.data.type).toBe("order")
      expect(await reservationsOf(code.id)).toEqual([])
    })

    it("should turn the reservation into the redemption at checkout: later carts hear the code is used, not reserved", async () => {
      const { code } = await singleUseCode("SPENT")
      const first = await createCart(api, store, { email: "first@example.com" })
      expect((await applyCode(api, store, first, "SPENT")).status).toBe(200)
      expect((await completeCart(api, store, first)).data.type).toBe("order")
      expect(await reservationsOf(code.id)).toEqual([])

      const second = await createCart(api, store, { email: "second@example.com" })
      const refused = await applyCode(api, store, second, "SPENT")
      expect({ status: refused.status, code: refused.data.code }).toEqual({ status: 400, code: "code_usage_limit_reached" })
    })

    it("should let exactly one of 50 carts applying the code at the same moment hold it, and count exactly one use", async () => {
      const { coupon, code } = await singleUseCode("FIRST-COME")
      // 10 through the store API, 40 SQL copies of the first (each its own guest and email)
      const viaApi = await Promise.all(
        Array.from({ length: 10 }, (_, index) => createCart(api, store, { email: `racer-${index}@example.com` }))
      )
      const carts = [...viaApi, ...(await cloneCartInApp(getContainer(), viaApi[0], 40))]

      const answers = await Promise.all(carts.map((cart) => applyCode(api, store, cart, "FIRST-COME")))

      const statuses = answers.map((answer) => (answer.status === 200 ? "applied" : answer.data.code))
      expect(statuses.filter((status) => status === "applied")).toHaveLength(1)
      expect(statuses.filter((status) => status === "code_reserved")).toHaveLength(49)
      const holder = carts[statuses.indexOf("applied")]
      expect((await reservationsOf(code.id)).map((row) => row.cart_id)).toEqual([holder])
      // the refused carts carry neither the code nor its discount
      const refused = await Promise.all(
        carts.filter((cart) => cart !== holder).map((cart) => getCart(api, store, cart, "+coupon_codes.code"))
      )
      expect(refused.filter((cart) => cart.discount_total !== 0 || (cart.coupon_codes ?? []).length)).toEqual([])

      expect((await completeCart(api, store, holder)).data.type).toBe("order")
      const usage = await usageOf(getContainer(), coupon.id)
      expect({ coupon: usage.coupon_usage, code: usage.code_usage, ledger: usage.redemptions.length }).toEqual({
        coupon: 1,
        code: { "FIRST-COME": 1 },
        ledger: 1,
      })
    })

    it("should never hold a code that many carts share", async () => {
      const { code } = await createCoupon(getContainer(), { code: "EVERYONE", usage_limit: 1 })
      const first = await createCart(api, store, { email: "first@example.com" })
      const second = await createCart(api, store, { email: "second@example.com" })
      expect((await applyCode(api, store, first, "EVERYONE")).status).toBe(200)
      expect((await applyCode(api, store, second, "EVERYONE")).status).toBe(200)
      expect(await reservationsOf(code.id)).toEqual([])
    })

    it("should end the holder's reservation when the admin disables the coupon", async () => {
      const { coupon, code } = await singleUseCode("GOING-AWAY")
      const first = await createCart(api, store, { email: "first@example.com" })
      expect((await applyCode(api, store, first, "GOING-AWAY")).status).toBe(200)
      await api.post(`/admin/coupons/${coupon.id}`, { status: "inactive" }, store.adminHeaders)
      expect(await reservationsOf(code.id)).toEqual([])
    })
  })

  describe("purge-coupon-code-reservations job", () => {
    it("should delete expired reservations and keep live ones", async () => {
      const kept = await singleUseCode("KEPT-CODE")
      const old = await singleUseCode("OLD-CODE")
      const first = await createCart(api, store, { email: "first@example.com" })
      const second = await createCart(api, store, { email: "second@example.com" })
      expect((await applyCode(api, store, first, "KEPT-CODE")).status).toBe(200)
      expect((await applyCode(api, store, second, "OLD-CODE")).status).toBe(200)
      await expire(old.code.id)

      await purgeCouponCodeReservations(getContainer())

      expect((await reservationsOf(kept.code.id)).map((row) => row.cart_id)).toEqual([first])
      expect(await reservationsOf(old.code.id)).toEqual([])
    })
  })
})
