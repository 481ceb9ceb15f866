/**
 * @jest-environment node
 */
// The server-action factory with the real @medusajs/js-sdk, the network
// (global fetch) as the boundary: as a Next.js "use server" file runs it.
import Medusa from "@medusajs/js-sdk"
import { createCouponActions, type CreateCouponActionsOptions } from "../src/next/create-coupon-actions"

type Answer = { status: number; body: unknown } | "offline"
type Sent = { method: string; url: string; headers: Record<string, string>; body: unknown }

const network = (answers: Answer[]) => {
  const requests: Sent[] = []
  globalThis.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries())
    requests.push({
      method: init?.method ?? "GET",
      url: decodeURIComponent(String(input)),
      headers,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    })
    const answer = answers.shift()
    if (!answer) {
      throw new Error(`unexpected request ${init?.method} ${String(input)}`)
    }
    if (answer === "offline") {
      throw new TypeError("fetch failed")
    }
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      statusText: answer.status === 400 ? "Bad Request" : "OK",
      headers: { "content-type": "application/json" },
    })
  }) as typeof fetch
  return requests
}

const sdk = new Medusa({ baseUrl: "http://store.test", publishableKey: "pk_demo" })
const cart = {
  id: "cart_1",
  currency_code: "usd",
  updated_at: "2026-12-01T10:00:00.000Z",
  total: 110,
  coupon_codes: [{ id: "cc_1", code: "SAVE10" }],
}

const setup = (overrides: Partial<CreateCouponActionsOptions> = {}) => {
  const revalidate = jest.fn()
  const actions = createCouponActions({
    sdk,
    // the starter's getAuthHeaders: `{ authorization }` for a logged-in shopper, `{}` for a guest
    headers: async () => ({ authorization: "Bearer shopper-jwt" }),
    cartId: async () => "cart_1",
    revalidate,
    ...overrides,
  })
  return { actions, revalidate }
}

describe("createCouponActions: applyCoupon", () => {
  it("applies the normalized code to the cookie's cart with the shopper's auth, then revalidates", async () => {
    const requests = network([{ status: 200, body: { cart } }])
    const { actions, revalidate } = setup()
    const result = await actions.applyCoupon("  save10 ")
    expect(result).toEqual({ ok: true, cart })
    expect(requests).toEqual([
      {
        method: "POST",
        url: "http://store.test/store/carts/cart_1/coupons",
        headers: expect.objectContaining({ authorization: "Bearer shopper-jwt", "x-publishable-api-key": "pk_demo" }),
        body: { code: "SAVE10" },
      },
    ])
    expect(revalidate).toHaveBeenCalledTimes(1)
  })

  it("answers a refusal with its reason as the error code, the cart left alone and not revalidated", async () => {
    const refusal = { type: "not_allowed", code: "expired", message: "Code SUMMER25 has expired." }
    const requests = network([
      { status: 400, body: refusal },
      { status: 200, body: { valid: false, code: "SUMMER25", reason: "expired", message: refusal.message } },
    ])
    const { actions, revalidate } = setup()
    expect(await actions.applyCoupon("summer25")).toEqual({ ok: false, error: { code: "expired", message: refusal.message } })
    // the SDK drops the body's reason: the validate route is asked, with the same auth
    expect(requests[1]).toMatchObject({
      method: "POST",
      url: "http://store.test/store/coupons/validate",
      headers: expect.objectContaining({ authorization: "Bearer shopper-jwt" }),
      body: { code: "SUMMER25", cart_id: "cart_1" },
    })
    expect(revalidate).not.toHaveBeenCalled()
  })

  it("refuses without a request when the shopper has no cart", async () => {
    const requests = network([])
    const { actions } = setup({ cartId: async () => undefined })
    expect(await actions.applyCoupon("SAVE10")).toEqual({ ok: false, error: { code: "no_cart", message: "" } })
    expect(requests).toEqual([])
  })

  it("refuses an empty code without a request", async () => {
    const requests = network([])
    const { actions } = setup()
    expect(await actions.applyCoupon("   ")).toEqual({ ok: false, error: { code: "empty", message: "" } })
    expect(requests).toEqual([])
  })

  it("never throws: an unreachable store is a network failure", async () => {
    network(["offline"])
    const { actions, revalidate } = setup()
    expect(await actions.applyCoupon("SAVE10")).toEqual({ ok: false, error: { code: "network", message: expect.any(String) } })
    expect(revalidate).not.toHaveBeenCalled()
  })

  it("sends a guest's request without auth (the starter's `{}`)", async () => {
    const requests = network([{ status: 200, body: { cart } }])
    const { actions } = setup({ headers: async () => ({}) })
    await actions.applyCoupon("SAVE10")
    expect(requests[0].headers).not.toHaveProperty("authorization")
    expect(requests[0].headers["x-publishable-api-key"]).toBe("pk_demo")
  })

  it("answers plain data that survives the server-action boundary", async () => {
    network([{ status: 200, body: { cart } }])
    const { actions } = setup()
    const result = await actions.applyCoupon("SAVE10")
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
    expect(structuredClone(result)).toEqual(result)
  })
})

describe("createCouponActions: removeCoupon", () => {
  it("removes the code through Medusa's promotions route (coupon and native codes alike), then revalidates", async () => {
    const requests = network([{ status: 200, body: { cart: { ...cart, coupon_codes: [] } } }])
    const { actions, revalidate } = setup()
    expect(await actions.removeCoupon("SAVE10")).toEqual({ ok: true, cart: { ...cart, coupon_codes: [] } })
    expect(requests).toEqual([
      {
        method: "DELETE",
        url: "http://store.test/store/carts/cart_1/promotions?fields=+coupon_codes.id,+coupon_codes.code",
        headers: expect.objectContaining({ authorization: "Bearer shopper-jwt" }),
        body: { promo_codes: ["SAVE10"] },
      },
    ])
    expect(revalidate).toHaveBeenCalledTimes(1)
  })

  it("answers a failed removal without revalidating", async () => {
    network([{ status: 404, body: { type: "not_found", message: "Cart id not found: cart_1" } }])
    const { actions, revalidate } = setup()
    expect(await actions.removeCoupon("SAVE10")).toEqual({ ok: false, error: { code: "unknown", message: "Cart id not found: cart_1" } })
    expect(revalidate).not.toHaveBeenCalled()
  })
})

describe("createCouponActions: validateCoupon", () => {
  it("validates against the cookie's cart with the shopper's auth", async () => {
    const requests = network([
      { status: 200, body: { valid: false, code: "X", reason: "not_found", message: "This code does not exist." } },
    ])
    const { actions, revalidate } = setup()
    expect(await actions.validateCoupon("x")).toEqual({
      valid: false,
      code: "X",
      reason: "not_found",
      message: "This code does not exist.",
    })
    expect(requests[0]).toMatchObject({ url: "http://store.test/store/coupons/validate", body: { code: "X", cart_id: "cart_1" } })
    expect(requests[0].headers.authorization).toBe("Bearer shopper-jwt")
    expect(revalidate).not.toHaveBeenCalled()
  })

  it("validates without a cart and never throws", async () => {
    const requests = network(["offline"])
    const { actions } = setup({ cartId: () => null })
    expect(await actions.validateCoupon("SAVE10")).toEqual({ valid: false, code: "SAVE10", reason: "network", message: expect.any(String) })
    expect(requests[0].body).toEqual({ code: "SAVE10" })
  })
})
