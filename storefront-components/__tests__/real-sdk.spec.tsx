/**
 * @jest-environment node
 */
// The requests as the real @medusajs/js-sdk sends them, with the network
// (global fetch) as the boundary: headers, paths, query and bodies, and the
// SDK's error for a refused code, which keeps the message but not the reason.
import Medusa from "@medusajs/js-sdk"
import { applyCoupon, removeCoupon, retrieveCart, validateCoupon } from "../src/api"
import { explainApplyFailure } from "../src/apply-failure"
import type { CouponsSdk } from "../src/types"

type Answer = { status: number; body: unknown }

const network = (answers: Answer[]) => {
  const requests: Array<{ method: string; url: string; headers: Record<string, string>; body: unknown }> = []
  globalThis.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries())
    requests.push({
      method: init?.method ?? "GET",
      url: String(input),
      headers,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    })
    const answer = answers.shift()!
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      statusText: answer.status === 400 ? "Bad Request" : "OK",
      headers: { "content-type": "application/json" },
    })
  }) as typeof fetch
  return requests
}

const sdk: CouponsSdk = new Medusa({ baseUrl: "http://store.test", publishableKey: "pk_demo" })
const cart = { id: "cart_1", currency_code: "usd", coupon_codes: [{ id: "cc_1", code: "SAVE10" }] }

describe("the components' requests through the real JS SDK", () => {
  it("loads the cart with its codes, with the publishable key", async () => {
    const requests = network([{ status: 200, body: { cart } }])
    expect(await retrieveCart(sdk, "cart_1")).toEqual(cart)
    expect(requests[0].method).toBe("GET")
    expect(decodeURIComponent(requests[0].url)).toBe("http://store.test/store/carts/cart_1?fields=+coupon_codes.id,+coupon_codes.code")
    expect(requests[0].headers["x-publishable-api-key"]).toBe("pk_demo")
  })

  it("applies, removes and validates with JSON bodies", async () => {
    const requests = network([
      { status: 200, body: { cart } },
      { status: 200, body: { cart: { ...cart, coupon_codes: [] } } },
      { status: 200, body: { valid: false, code: "X", reason: "not_found", message: "This code does not exist." } },
    ])
    await applyCoupon(sdk, "cart_1", "SAVE10")
    await removeCoupon(sdk, "cart_1", "SAVE10")
    const validation = await validateCoupon(sdk, "X", "cart_1")
    expect(requests.map(({ method, url, body }) => [method, url, body])).toEqual([
      ["POST", "http://store.test/store/carts/cart_1/coupons", { code: "SAVE10" }],
      ["DELETE", "http://store.test/store/carts/cart_1/coupons/SAVE10", undefined],
      ["POST", "http://store.test/store/coupons/validate", { code: "X", cart_id: "cart_1" }],
    ])
    expect(requests.every((request) => request.headers["x-publishable-api-key"] === "pk_demo")).toBe(true)
    expect(validation).toMatchObject({ valid: false, reason: "not_found" })
  })

  it("recovers the reason the SDK's error leaves out from the validate route", async () => {
    const refusal = {
      type: "not_allowed",
      code: "min_subtotal_not_met",
      message: "Add $12.50 more to your cart to use this code (minimum $50.00).",
    }
    const requests = network([
      { status: 400, body: refusal },
      { status: 200, body: { valid: false, code: "BIG", reason: "min_subtotal_not_met", message: refusal.message } },
    ])
    const thrown = await applyCoupon(sdk, "cart_1", "BIG").catch((error: unknown) => error)

    // what the SDK keeps of the body: the message and the status, no reason
    expect((thrown as Error).message).toBe(refusal.message)
    expect(thrown).toMatchObject({ status: 400, statusText: "Bad Request" })
    expect(thrown).not.toHaveProperty("code")

    expect(await explainApplyFailure(sdk, thrown, "BIG", "cart_1")).toEqual({
      reason: "min_subtotal_not_met",
      message: refusal.message,
      action: "apply",
      code: "BIG",
    })
    expect(requests[1].url).toBe("http://store.test/store/coupons/validate")
  })
})
