import { httpSuite } from "./fixtures/http-suite"
import { applyCode, createCart } from "./fixtures/checkout"
import { createCouponViaApi } from "./fixtures/admin"
import { createStoreFixture, StoreFixture } from "./fixtures/store"

/*
 * Input PostgreSQL cannot store or compare: text holding NUL (U+0000) and
 * dates outside years 1..9999. Every plugin route (and the Medusa routes the
 * plugin wraps) answers 400 invalid_data in Medusa's shape, never a 500.
 */
type Call = { method: "get" | "post" | "delete"; url: string; body?: unknown }

const NUL = "\u0000"
/** year 10000 as milliseconds since 1970 */
const YEAR_10000_MS = 253402300800000
const OUT_OF_RANGE_DATES: unknown[] = ["99999-01-01", YEAR_10000_MS, "0000-06-01T00:00:00Z", "-000001-01-01T00:00:00Z", -62198755200000]

export default httpSuite(({ api, getContainer }) => {
  let store: StoreFixture

  beforeEach(async () => {
    store = await createStoreFixture(getContainer())
  })

  const send = async ({ method, url, body }: Call) => {
    const config = { ...(url.startsWith("/admin") ? store.adminHeaders : store.storeHeaders), validateStatus: () => true }
    return method === "post" ? api.post(url, body, config) : api[method](url, config)
  }
  /** Every call answers 400 invalid_data with a message; the failures name the call. */
  const expectInvalidData = async (calls: Call[]) => {
    const answers = []
    for (const call of calls) {
      const response = await send(call)
      answers.push({
        call: `${call.method.toUpperCase()} ${call.url} ${JSON.stringify(call.body) ?? ""}`,
        status: response.status,
        type: response.data?.type,
        message: typeof response.data?.message,
      })
    }
    expect(answers.filter((answer) => answer.status !== 400 || answer.type !== "invalid_data" || answer.message !== "string")).toEqual([])
  }

  it("should refuse NUL in the bodies and queries of the store routes with 400 invalid_data", async () => {
    await createCouponViaApi(api, store, { code: "NULTEST" })
    const cart = await createCart(api, store)
    expect((await applyCode(api, store, cart, "NULTEST")).status).toBe(200)
    await expectInvalidData([
      { method: "post", url: "/store/coupons/validate", body: { code: `AB${NUL}C` } },
      { method: "post", url: "/store/coupons/validate", body: { code: "NULTEST", cart_id: `${cart}${NUL}` } },
      { method: "post", url: "/store/coupons/validate", body: { code: `NULTEST${NUL}`, cart_id: cart } },
      { method: "post", url: "/store/coupons/validate?x=%00", body: { code: "NULTEST" } },
      { method: "post", url: `/store/carts/${cart}/coupons`, body: { code: `AB${NUL}C` } },
      { method: "post", url: `/store/carts/${cart}/coupons?fields=%00`, body: { code: "NULTEST" } },
      { method: "delete", url: `/store/carts/${cart}/coupons/AB%00C` },
      { method: "delete", url: `/store/carts/${cart}/coupons/NULTEST?x=%00` },
      // the Medusa routes whose promo_codes the plugin translates
      { method: "post", url: `/store/carts/${cart}`, body: { promo_codes: [`AB${NUL}C`] } },
      { method: "post", url: `/store/carts/${cart}`, body: { promo_codes: ["NULTEST", `X${NUL}`] } },
      { method: "delete", url: `/store/carts/${cart}/promotions`, body: { promo_codes: [`AB${NUL}C`] } },
      { method: "post", url: `/store/carts/${cart}/promotions`, body: { promo_codes: [`AB${NUL}C`] } },
    ])
    // the code is still on the cart: nothing was removed by the refused calls
    const { data } = await api.get(`/store/carts/${cart}?fields=+coupon_codes.code`, store.storeHeaders)
    expect(data.cart.coupon_codes.map((code: { code: string }) => code.code)).toEqual(["NULTEST"])
  })

  it("should refuse NUL in the bodies and queries of the admin routes with 400 invalid_data", async () => {
    const coupon = await createCouponViaApi(api, store, { code: "ADMNUL" })
    const { data: codes } = await api.get(`/admin/coupons/${coupon.id}/codes`, store.adminHeaders)
    const codeId = codes.codes[0].id
    const base = { name: "N", discount_type: "percentage", discount_value: 5, status: "active" }
    await expectInvalidData([
      { method: "post", url: "/admin/coupons", body: { ...base, name: `A${NUL}B` } },
      { method: "post", url: "/admin/coupons", body: { ...base, code: `NEW${NUL}1` } },
      { method: "post", url: "/admin/coupons", body: { ...base, metadata: { note: `x${NUL}` } } },
      { method: "post", url: "/admin/coupons", body: { ...base, metadata: { [`k${NUL}`]: 1 } } },
      { method: "post", url: `/admin/coupons/${coupon.id}`, body: { description: `d${NUL}` } },
      { method: "post", url: `/admin/coupons/${coupon.id}`, body: { allowed_email_domains: [`exa${NUL}mple.com`] } },
      { method: "get", url: "/admin/coupons?q=%00" },
      { method: "get", url: `/admin/coupons/${coupon.id}?fields=%00` },
      {
        method: "post",
        url: `/admin/coupons/${coupon.id}/codes`,
        body: { codes: [{ code: "OK-CODE", assigned_email: `a${NUL}@example.com` }] },
      },
      { method: "get", url: `/admin/coupons/${coupon.id}/codes?q=A%00` },
      { method: "post", url: `/admin/coupons/${coupon.id}/codes/import`, body: { csv: `code\nAB${NUL}C\n` } },
      { method: "post", url: `/admin/coupons/${coupon.id}/codes/${codeId}?fields=%00`, body: { status: "disabled" } },
      { method: "post", url: `/admin/coupons/${coupon.id}/code-batches`, body: { count: 3, prefix: `P${NUL}` } },
      { method: "get", url: `/admin/coupons/${coupon.id}/redemptions?q=%00` },
      { method: "get", url: `/admin/coupons/${coupon.id}/redemptions?customer_id=cus%00` },
      { method: "get", url: `/admin/coupons/${coupon.id}/redemptions/export?email=a%00%40example.com` },
      { method: "get", url: `/admin/coupons/${coupon.id}/distributions?order=%00` },
      { method: "post", url: `/admin/coupons/${coupon.id}/distributions`, body: { emails: [`a${NUL}@example.com`] } },
      { method: "get", url: "/admin/coupons/stats?from=%00" },
    ])
    expect((await api.get(`/admin/coupons/${coupon.id}/codes`, store.adminHeaders)).data.count).toBe(1)
  })

  it("should refuse fields named after Object.prototype members (toString, constructor, …) with 400, not 500", async () => {
    const coupon = await createCouponViaApi(api, store, { code: "PROTO" })
    const cartId = await createCart(api, store)
    await expectInvalidData([
      { method: "get", url: `/admin/coupons/${coupon.id}?fields=toString` },
      { method: "get", url: `/admin/coupons/${coupon.id}?fields=id,%2Bconstructor` },
      { method: "get", url: "/admin/coupons?fields=valueOf" },
      { method: "get", url: `/admin/coupons/${coupon.id}/codes?fields=hasOwnProperty` },
      { method: "get", url: `/admin/coupons/${coupon.id}/redemptions?fields=coupon.toString` },
      { method: "get", url: `/admin/coupons/${coupon.id}/distributions?fields=*__proto__` },
      { method: "post", url: `/store/carts/${cartId}/coupons?fields=toString`, body: { code: "PROTO" } },
    ])
    // a field that merely starts like one is fine
    expect((await send({ method: "get", url: `/admin/coupons/${coupon.id}?fields=id,name` })).status).toBe(200)
  })

  it("should refuse dates outside years 1 to 9999 on every date field with 400 invalid_data", async () => {
    const coupon = await createCouponViaApi(api, store, { code: "DATES" })
    const { data: codes } = await api.get(`/admin/coupons/${coupon.id}/codes`, store.adminHeaders)
    const codeId = codes.codes[0].id
    const base = { name: "D", discount_type: "percentage", discount_value: 5, status: "active" }
    const calls: Call[] = OUT_OF_RANGE_DATES.flatMap((date, index) => [
      { method: "post" as const, url: "/admin/coupons", body: { ...base, ends_at: date } },
      { method: "post" as const, url: "/admin/coupons", body: { ...base, starts_at: date } },
      { method: "post" as const, url: `/admin/coupons/${coupon.id}`, body: { ends_at: date } },
      { method: "post" as const, url: `/admin/coupons/${coupon.id}`, body: { starts_at: date } },
      {
        method: "post" as const,
        url: `/admin/coupons/${coupon.id}/codes`,
        body: { codes: [{ code: `DATE-${index}`, expires_at: date }] },
      },
      { method: "post" as const, url: `/admin/coupons/${coupon.id}/codes/${codeId}`, body: { expires_at: date } },
      { method: "post" as const, url: `/admin/coupons/${coupon.id}/code-batches`, body: { count: 3, expires_at: date } },
    ])
    const query = ["99999-01-01", "253402300800000", "0000-01-01"].flatMap((date) => [
      { method: "get" as const, url: `/admin/coupons/${coupon.id}/redemptions?created_at[gte]=${date}` },
      { method: "get" as const, url: `/admin/coupons/${coupon.id}/redemptions?created_at[$lt]=${date}` },
      { method: "get" as const, url: `/admin/coupons/${coupon.id}/redemptions/export?created_at[lte]=${date}` },
      { method: "get" as const, url: `/admin/coupons/stats?from=${date}` },
      { method: "get" as const, url: `/admin/coupons/stats?to=${date}` },
      { method: "get" as const, url: `/admin/coupons/${coupon.id}/stats?from=${date}` },
      { method: "get" as const, url: `/admin/coupons/${coupon.id}/stats?to=${date}` },
    ])
    await expectInvalidData([
      ...calls,
      ...query,
      { method: "post", url: `/admin/coupons/${coupon.id}/codes/import`, body: { csv: "code,expires_at\nIMPORT-1,99999-01-01\n" } },
      {
        method: "post",
        url: `/admin/coupons/${coupon.id}/codes/import`,
        body: { csv: "code,expires_at\nIMPORT-2,+010000-01-01T00:00:00Z\n" },
      },
    ])
    // the edges of the range are stored and read back as sent
    const edges = { starts_at: "0001-01-01T00:00:00.000Z", ends_at: "9999-12-31T23:59:59.999Z" }
    const { data } = await api.post(`/admin/coupons/${coupon.id}`, edges, store.adminHeaders)
    expect({ starts_at: data.coupon.starts_at, ends_at: data.coupon.ends_at }).toEqual(edges)
    const { data: stats } = await api.get(`/admin/coupons/stats?from=0001-01-01&to=9999-12-30`, store.adminHeaders)
    expect(stats).toBeDefined()
  })
})
