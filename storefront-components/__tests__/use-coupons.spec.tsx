import { act, renderHook, waitFor } from "@testing-library/react"
import { useCoupons, type UseCouponsOptions } from "../src/use-coupons"
import { asPageSeesIt, CART_ID, CART_PATH, COUPONS_PATH, FIVE, makeCart, SAVE10, VALIDATE_PATH } from "./helpers/carts"
import { createFakeSdk, type FakeSdk } from "./helpers/fake-sdk"

let fake: FakeSdk
beforeEach(() => {
  fake = createFakeSdk()
})

const renderCoupons = (options: Partial<UseCouponsOptions> = {}) =>
  renderHook((props: Partial<UseCouponsOptions>) => useCoupons({ sdk: fake.sdk, cartId: CART_ID, ...props }), {
    initialProps: options,
  })

const loaded = async (options: Partial<UseCouponsOptions> = {}, cart = makeCart()) => {
  fake.reply("GET", CART_PATH, { cart })
  const hook = renderCoupons(options)
  await waitFor(() => expect(hook.result.current.cart).not.toBeNull())
  return hook
}

describe("useCoupons: loading the cart", () => {
  it("fetches the cart with its applied codes and lists them", async () => {
    fake.reply("GET", CART_PATH, { cart: makeCart([SAVE10]) })
    const { result } = renderCoupons()
    expect(result.current.isLoading).toBe(true)
    await waitFor(() => expect(result.current.codes).toEqual(["SAVE10"]))
    expect(result.current.isLoading).toBe(false)
    expect(fake.calls[0]).toEqual({
      method: "GET",
      path: CART_PATH,
      body: undefined,
      query: { fields: expect.stringContaining("+coupon_codes.code") },
    })
    expect(result.current.applied).toEqual([{ id: "cc_0", code: "SAVE10", amount: 11 }])
  })

  it("uses a cart the storefront passes when it already lists its codes", () => {
    const { result } = renderCoupons({ cart: makeCart([SAVE10]) })
    expect(result.current.codes).toEqual(["SAVE10"])
    expect(fake.fetch).not.toHaveBeenCalled()
  })

  it("does nothing without a cart id", () => {
    const { result } = renderCoupons({ cartId: null })
    expect(result.current.cart).toBeNull()
    expect(result.current.codes).toEqual([])
    expect(fake.fetch).not.toHaveBeenCalled()
  })

  it("reports a cart that cannot be loaded", async () => {
    fake.refuse("GET", CART_PATH, 404, { message: "Cart id not found: cart_01" })
    const { result } = renderCoupons()
    await waitFor(() => expect(result.current.error).not.toBeNull())
    expect(result.current.error).toEqual({ reason: "unknown", message: "Cart id not found: cart_01", action: "load" })
  })

  it("takes the storefront's refreshed totals but keeps the codes it fetched", async () => {
    const hook = await loaded({}, makeCart([SAVE10]))
    const refreshed = { ...makeCart([SAVE10]), total: 500, coupon_codes: undefined, promotions: undefined }
    hook.rerender({ cart: refreshed })
    expect(hook.result.current.cart?.total).toBe(500)
    expect(hook.result.current.codes).toEqual(["SAVE10"])
  })

  it("reads the codes from the promotions of a page's cart without coupon_codes, with no request", () => {
    const { result } = renderCoupons({ cartId: undefined, cart: asPageSeesIt([SAVE10]) })
    expect(result.current.cartId).toBe(CART_ID)
    expect(result.current.codes).toEqual(["SAVE10"])
    expect(result.current.applied).toEqual([{ id: "promo_A", code: "SAVE10", amount: 11 }])
    expect(fake.fetch).not.toHaveBeenCalled()
  })

  it("leaves automatic promotions out of the applied codes", () => {
    const cart = asPageSeesIt([SAVE10])
    cart.promotions = [...(cart.promotions ?? []), { id: "promo_auto", code: "AUTUMN", is_automatic: true }]
    const { result } = renderCoupons({ cart })
    expect(result.current.codes).toEqual(["SAVE10"])
    expect(fake.fetch).not.toHaveBeenCalled()
  })

  it("takes the codes of a newer page cart that names them only through its promotions", async () => {
    const hook = await loaded({}, makeCart([SAVE10, FIVE]))
    hook.rerender({ cart: asPageSeesIt([FIVE]) })
    expect(hook.result.current.codes).toEqual(["FIVE"])
  })
})

describe("useCoupons: the newest cart wins", () => {
  it("keeps the applied discount when the page passes in the cart it rendered before the apply", async () => {
    const before = makeCart([], { updated_at: "2026-12-01T10:00:00.000Z" })
    const hook = await loaded({ cart: before }, before)
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10], { updated_at: "2026-12-01T10:00:05.000Z" }) })
    await act(async () => {
      await hook.result.current.apply("SAVE10")
    })
    // router.refresh() hands the page's cached, older cart in again (fetched anew: new objects, old content)
    hook.rerender({ cart: JSON.parse(JSON.stringify(before)) })
    expect(hook.result.current.codes).toEqual(["SAVE10"])
    expect(hook.result.current.applied).toEqual([{ id: "cc_0", code: "SAVE10", amount: 11 }])
    expect(hook.result.current.cart?.total).toBe(110)

    // a newer cart from the page is taken (a quantity changed after the apply)
    hook.rerender({ cart: { ...asPageSeesIt([SAVE10], { updated_at: "2026-12-01T10:00:09.000Z" }), total: 300 } })
    expect(hook.result.current.cart?.total).toBe(300)
    expect(hook.result.current.codes).toEqual(["SAVE10"])
  })
})

describe("useCoupons: apply", () => {
  it("sends the trimmed, upper-cased code and returns the updated cart", async () => {
    const onCartChange = jest.fn()
    const { result } = await loaded({ onCartChange }, makeCart([], { shipping_address: { city: "Paris" } }))
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10]) })

    let outcome: Awaited<ReturnType<typeof result.current.apply>> | undefined
    await act(async () => {
      outcome = await result.current.apply("  save10 ")
    })

    expect(fake.calls[1]).toMatchObject({ method: "POST", path: COUPONS_PATH, body: { code: "SAVE10" } })
    expect(outcome).toEqual({ ok: true, cart: expect.objectContaining({ discount_total: 11 }) })
    expect(result.current.codes).toEqual(["SAVE10"])
    expect(result.current.lastApplied).toEqual({ id: "cc_0", code: "SAVE10", amount: 11 })
    expect(result.current.error).toBeNull()
    // the route's answer has no addresses: the storefront's copy keeps them
    expect(onCartChange).toHaveBeenCalledWith(expect.objectContaining({ discount_total: 11, shipping_address: { city: "Paris" } }))
  })

  it("is pending until the store answers", async () => {
    const { result } = await loaded()
    const release = fake.hold("POST", COUPONS_PATH)
    let done: Promise<unknown> = Promise.resolve()
    act(() => {
      done = result.current.apply("SAVE10")
    })
    expect(result.current.isPending).toBe(true)
    expect(result.current.pending).toEqual({ action: "apply", code: "SAVE10" })
    await act(async () => {
      release({ cart: makeCart([SAVE10]) })
      await done
    })
    expect(result.current.isPending).toBe(false)
    expect(result.current.pending).toBeNull()
  })

  it("asks the validate route for the reason the SDK's error dropped", async () => {
    const { result } = await loaded()
    fake.refuse("POST", COUPONS_PATH, 400, { type: "not_allowed", code: "expired", message: "This code has expired." })
    fake.reply("POST", VALIDATE_PATH, { valid: false, code: "OLD", reason: "expired", message: "This code has expired." })

    let outcome: unknown
    await act(async () => {
      outcome = await result.current.apply("old")
    })

    const error = { reason: "expired", message: "This code has expired.", action: "apply", code: "OLD" }
    expect(outcome).toEqual({ ok: false, error })
    expect(result.current.error).toEqual(error)
    expect(fake.calls[2]).toMatchObject({ method: "POST", path: VALIDATE_PATH, body: { code: "OLD", cart_id: CART_ID } })
  })

  it("reads the reason from the error body when the client kept it", async () => {
    const { result } = await loaded()
    fake.refuseWithBody("POST", COUPONS_PATH, 400, { type: "not_allowed", code: "not_combinable", message: "No." })
    await act(async () => {
      await result.current.apply("SOLO")
    })
    expect(result.current.error).toMatchObject({ reason: "not_combinable", message: "No." })
    expect(fake.calls).toHaveLength(2)
  })

  it("keeps the server's message when validation finds nothing wrong", async () => {
    const { result } = await loaded()
    fake.refuse("POST", COUPONS_PATH, 400, { message: "The promotion could not be applied." })
    fake.reply("POST", VALIDATE_PATH, { valid: true, code: "ODD", coupon: { id: "cpn_1" } })
    await act(async () => {
      await result.current.apply("ODD")
    })
    expect(result.current.error).toEqual({
      reason: "unknown",
      message: "The promotion could not be applied.",
      action: "apply",
      code: "ODD",
    })
  })

  it("tells a network failure apart", async () => {
    const { result } = await loaded()
    fake.offline("POST", COUPONS_PATH)
    await act(async () => {
      await result.current.apply("SAVE10")
    })
    expect(result.current.error).toMatchObject({ reason: "network", action: "apply" })
  })

  it("refuses an empty code without a request", async () => {
    const { result } = await loaded()
    await act(async () => {
      await result.current.apply("   ")
    })
    expect(result.current.error).toMatchObject({ reason: "empty", action: "apply" })
    expect(fake.calls).toHaveLength(1)
  })

  it("refuses a code before there is a cart, without a request", async () => {
    const { result } = renderCoupons({ cartId: null })
    await act(async () => {
      await result.current.apply("SAVE10")
    })
    expect(result.current.error).toMatchObject({ reason: "no_cart", action: "apply", code: "SAVE10" })
    expect(fake.fetch).not.toHaveBeenCalled()
  })

  it("knows an already applied code without asking", async () => {
    const { result } = await loaded({}, makeCart([SAVE10]))
    await act(async () => {
      await result.current.apply("save10")
    })
    expect(result.current.error).toMatchObject({ reason: "already_applied", code: "SAVE10" })
    expect(fake.calls).toHaveLength(1)
  })

  it("tells two codes' discounts apart by the promotions each apply added", async () => {
    const { result } = await loaded({}, makeCart([SAVE10]))
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10, FIVE]) })
    await act(async () => {
      await result.current.apply("FIVE")
    })
    // adjustments 10 and 5 before tax, a 16.5 discount with tax: shares of 11 and 5.5
    expect(result.current.applied).toEqual([
      { id: "cc_0", code: "SAVE10", amount: 11 },
      { id: "cc_1", code: "FIVE", amount: 5.5 },
    ])
  })

  it("ignores a cart load that answers after an apply", async () => {
    const release = fake.hold("GET", CART_PATH)
    const { result } = renderCoupons()
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10]) })
    await act(async () => {
      await result.current.apply("SAVE10")
    })
    await act(async () => {
      release({ cart: makeCart() })
    })
    expect(result.current.codes).toEqual(["SAVE10"])
  })
})

describe("useCoupons: remove", () => {
  it("deletes the code and returns the updated cart", async () => {
    const onCartChange = jest.fn()
    const { result } = await loaded({ onCartChange }, makeCart([SAVE10]))
    fake.reply("DELETE", `${COUPONS_PATH}/SAVE10`, { cart: makeCart() })
    let outcome: unknown
    await act(async () => {
      outcome = await result.current.remove("SAVE10")
    })
    expect(outcome).toEqual({ ok: true, cart: expect.objectContaining({ coupon_codes: [] }) })
    expect(result.current.codes).toEqual([])
    expect(result.current.lastRemoved).toBe("SAVE10")
    expect(onCartChange).toHaveBeenCalledWith(expect.objectContaining({ discount_total: 0 }))
  })

  it("encodes the code in the path", async () => {
    const { result } = await loaded({}, makeCart([{ ...SAVE10, code: "A/B" }]))
    fake.reply("DELETE", `${COUPONS_PATH}/A%2FB`, { cart: makeCart() })
    await act(async () => {
      await result.current.remove("A/B")
    })
    expect(result.current.codes).toEqual([])
  })

  it("reports a failed removal", async () => {
    const { result } = await loaded({}, makeCart([SAVE10]))
    fake.refuse("DELETE", `${COUPONS_PATH}/SAVE10`, 500, { message: "An unknown error occurred." })
    await act(async () => {
      await result.current.remove("SAVE10")
    })
    expect(result.current.error).toEqual({
      reason: "unknown",
      message: "An unknown error occurred.",
      action: "remove",
      code: "SAVE10",
    })
    expect(result.current.codes).toEqual(["SAVE10"])
  })
})

describe("useCoupons: validate", () => {
  it("returns a valid code's coupon and preview without touching the cart", async () => {
    const { result } = await loaded()
    const answer = {
      valid: true,
      code: "SAVE10",
      coupon: { id: "cpn_1", name: "Ten off", discount_type: "percentage", discount_value: 10, target: "items" },
      discount_preview: { amount: 10, currency_code: "usd" },
    }
    fake.reply("POST", VALIDATE_PATH, answer)
    let validation: unknown
    await act(async () => {
      validation = await result.current.validate(" save10")
    })
    expect(validation).toEqual(answer)
    expect(fake.calls[1].body).toEqual({ code: "SAVE10", cart_id: CART_ID })
    expect(result.current.error).toBeNull()
    expect(result.current.codes).toEqual([])
  })

  it("sets the error for an invalid code", async () => {
    const { result } = await loaded()
    fake.reply("POST", VALIDATE_PATH, { valid: false, code: "NOPE", reason: "not_found", message: "This code does not exist." })
    await act(async () => {
      await result.current.validate("nope")
    })
    expect(result.current.error).toEqual({
      reason: "not_found",
      message: "This code does not exist.",
      action: "validate",
      code: "NOPE",
    })
  })

  it("answers invalid when the store cannot be reached", async () => {
    const { result } = await loaded()
    fake.offline("POST", VALIDATE_PATH)
    let validation: unknown
    await act(async () => {
      validation = await result.current.validate("SAVE10")
    })
    expect(validation).toMatchObject({ valid: false, reason: "network" })
  })

  it("validates without a cart", async () => {
    const { result } = renderCoupons({ cartId: null })
    fake.reply("POST", VALIDATE_PATH, { valid: false, code: "X", reason: "inactive", message: "This code is not active." })
    await act(async () => {
      await result.current.validate("x")
    })
    expect(fake.calls[0].body).toEqual({ code: "X" })
    expect(result.current.error?.reason).toBe("inactive")
  })
})
