import { act, render, renderHook, screen, waitFor } from "@testing-library/react"
import { StrictMode, type ReactNode } from "react"
import { CouponsProvider } from "../src/context"
import { CouponForm } from "../src/coupon-form"
import { useCouponFromUrl, type UseCouponFromUrlOptions } from "../src/use-coupon-from-url"
import { CART_ID, CART_PATH, COUPONS_PATH, makeCart, SAVE10, VALIDATE_PATH } from "./helpers/carts"
import { createFakeSdk, type FakeSdk } from "./helpers/fake-sdk"

let fake: FakeSdk
beforeEach(() => {
  fake = createFakeSdk()
})

const visit = (url: string) => window.history.replaceState({ router: "state" }, "", url)

const wrapper =
  (cartId: string | null) =>
  ({ children }: { children: ReactNode }) => (
    <CouponsProvider sdk={fake.sdk} cartId={cartId} locale="en-US">
      {children}
    </CouponsProvider>
  )

const renderFromUrl = (cartId: string | null = CART_ID, options: UseCouponFromUrlOptions = {}) =>
  renderHook(() => useCouponFromUrl(options), { wrapper: wrapper(cartId) })

describe("useCouponFromUrl", () => {
  it("applies ?coupon= once the cart is loaded, then drops the parameter", async () => {
    visit("/checkout?step=review&coupon=save10#summary")
    const onApplied = jest.fn()
    fake.reply("GET", CART_PATH, { cart: makeCart() })
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10]) })

    const { result } = renderFromUrl(CART_ID, { onApplied })

    await waitFor(() => expect(result.current.status).toBe("applied"))
    expect(result.current).toEqual({ code: "SAVE10", status: "applied", error: null })
    expect(fake.calls.map((call) => `${call.method} ${call.path}`)).toEqual([`GET ${CART_PATH}`, `POST ${COUPONS_PATH}`])
    expect(fake.calls[1].body).toEqual({ code: "SAVE10" })
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe("/checkout?step=review#summary")
    expect(window.history.state).toEqual({ router: "state" })
    expect(onApplied).toHaveBeenCalledWith(expect.objectContaining({ id: CART_ID }), "SAVE10")
  })

  it("needs a provider or a `coupons` option", () => {
    jest.spyOn(console, "error").mockImplementation(() => {})
    expect(() => renderHook(() => useCouponFromUrl())).toThrow(/useCouponFromUrl/)
  })

  it("keeps the parameter while there is no cart, and applies when one appears", async () => {
    visit("/?coupon=SAVE10")
    const Page = ({ cartId }: { cartId: string | null }) => (
      <CouponsProvider sdk={fake.sdk} cartId={cartId} locale="en-US">
        <Status />
      </CouponsProvider>
    )
    const Status = () => <span data-testid="status">{useCouponFromUrl().status}</span>
    const { rerender } = render(<Page cartId={null} />)
    await waitFor(() => expect(screen.getByTestId("status")).toHaveTextContent("waiting"))
    expect(window.location.search).toBe("?coupon=SAVE10")
    expect(fake.fetch).not.toHaveBeenCalled()

    fake.reply("GET", CART_PATH, { cart: makeCart() })
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10]) })
    rerender(<Page cartId={CART_ID} />)
    await waitFor(() => expect(screen.getByTestId("status")).toHaveTextContent("applied"))
    expect(window.location.search).toBe("")
  })

  it("reports a refused code in the form and still drops the parameter", async () => {
    visit("/cart?coupon=old")
    const onError = jest.fn()
    fake.reply("GET", CART_PATH, { cart: makeCart() })
    fake.refuse("POST", COUPONS_PATH, 400, { message: "This code has expired." })
    fake.reply("POST", VALIDATE_PATH, { valid: false, code: "OLD", reason: "expired", message: "This code has expired." })
    const FromUrl = () => {
      useCouponFromUrl({ onError })
      return null
    }
    render(
      <CouponsProvider sdk={fake.sdk} cartId={CART_ID} locale="en-US">
        <FromUrl />
        <CouponForm />
      </CouponsProvider>
    )
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Code OLD has expired."))
    expect(window.location.search).toBe("")
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ reason: "expired" }))
  })

  it("does not apply a code the cart already has", async () => {
    visit("/?coupon=save10")
    fake.reply("GET", CART_PATH, { cart: makeCart([SAVE10]) })
    const { result } = renderFromUrl()
    await waitFor(() => expect(result.current.status).toBe("applied"))
    expect(fake.calls).toHaveLength(1)
    expect(window.location.search).toBe("")
  })

  it("applies only once under StrictMode", async () => {
    visit("/?coupon=SAVE10")
    fake.reply("GET", CART_PATH, { cart: makeCart() })
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10]) })
    const { result } = renderHook(() => useCouponFromUrl(), {
      wrapper: ({ children }) => <StrictMode>{wrapper(CART_ID)({ children })}</StrictMode>,
    })
    await waitFor(() => expect(result.current.status).toBe("applied"))
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10))
    })
    expect(fake.calls.filter((call) => call.method === "POST")).toHaveLength(1)
    // and the cart is loaded once, not once per effect run
    expect(fake.calls.filter((call) => call.method === "GET")).toHaveLength(1)
  })

  it("stays idle without the parameter, and reads another parameter name", async () => {
    visit("/?promo=SAVE10")
    fake.reply("GET", CART_PATH, { cart: makeCart() })
    const idle = renderFromUrl()
    expect(idle.result.current.status).toBe("idle")
    idle.unmount()

    fake.reply("GET", CART_PATH, { cart: makeCart() })
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10]) })
    const { result } = renderFromUrl(CART_ID, { param: "promo" })
    await waitFor(() => expect(result.current.status).toBe("applied"))
    expect(window.location.search).toBe("")
  })
})
