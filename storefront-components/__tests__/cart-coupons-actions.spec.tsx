import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { CartCoupons } from "../src/cart-coupons"
import { AppliedCoupons } from "../src/applied-coupons"
import { CouponsProvider, useCouponsContext } from "../src/context"
import { CouponForm } from "../src/coupon-form"
import { CouponDiscountLine } from "../src/coupon-discount-line"
import type { CouponCart } from "../src/types"
import { asPageSeesIt, FIVE, makeCart, SAVE10 } from "./helpers/carts"
import { createFakeActions } from "./helpers/fake-actions"

// The Next.js way: the page passes the cart it fetched server-side and the
// storefront's server actions; nothing goes through a browser SDK.
const T0 = "2026-12-01T10:00:00.000Z"
const T1 = "2026-12-01T10:00:05.000Z"
const T2 = "2026-12-01T10:00:09.000Z"

let fake: ReturnType<typeof createFakeActions>
beforeEach(() => {
  fake = createFakeActions()
})

const Total = () => <output data-testid="total">{useCouponsContext()?.cart?.total}</output>

const field = () => screen.getByRole("textbox", { name: "Discount code" })
const applyButton = () => screen.getByRole("button", { name: "Apply" })
const appliedList = () => screen.queryByRole("list", { name: "Applied discount codes" })

describe("<CartCoupons> with server actions", () => {
  it("shows the codes of the page's cart with their discount, calling no action on load", () => {
    render(<CartCoupons cart={asPageSeesIt([SAVE10])} actions={fake.actions} locale="en-US" />)
    const item = within(appliedList()!).getByRole("listitem")
    expect(item).toHaveTextContent("SAVE10")
    expect(item).toHaveTextContent("-$11.00")
    expect(fake.actions.applyCoupon).not.toHaveBeenCalled()
    expect(fake.actions.removeCoupon).not.toHaveBeenCalled()
    expect(fake.actions.validateCoupon).not.toHaveBeenCalled()
  })

  it("applies a typed code through the apply action and shows the cart it answers with", async () => {
    const user = userEvent.setup()
    render(<CartCoupons cart={asPageSeesIt([], { updated_at: T0 })} actions={fake.actions} locale="en-US" />)
    fake.applied(makeCart([SAVE10], { updated_at: T1 }))
    await user.type(field(), "  save10 ")
    await user.click(applyButton())
    expect(fake.actions.applyCoupon).toHaveBeenCalledWith("SAVE10")
    expect(within(appliedList()!).getByRole("listitem")).toHaveTextContent("SAVE10")
    expect(screen.getByText("Code SAVE10 applied. You save $11.00.")).toBeInTheDocument()
    expect(field()).toHaveValue("")
  })

  it("shows a refusal's reason in words from the action's error code", async () => {
    const user = userEvent.setup()
    render(<CartCoupons cart={asPageSeesIt([])} actions={fake.actions} locale="en-US" />)
    fake.refused("expired", "Code SUMMER25 has expired.")
    await user.type(field(), "summer25")
    await user.click(applyButton())
    const form = screen.getByRole("textbox", { name: "Discount code" }).closest("form")!
    expect(await within(form).findByRole("alert")).toHaveTextContent("Code SUMMER25 has expired.")
    expect(field()).toHaveAttribute("aria-invalid", "true")
    expect(appliedList()).toBeNull()
  })

  it("shows a network failure when the server action itself fails", async () => {
    const user = userEvent.setup()
    render(<CartCoupons cart={asPageSeesIt([])} actions={fake.actions} locale="en-US" />)
    fake.applyThrows(new Error("Failed to fetch"))
    await user.type(field(), "SAVE10")
    await user.click(applyButton())
    expect(await screen.findByText("We could not reach the store. Check your connection and try again.")).toBeInTheDocument()
  })

  it("removes a code through the remove action", async () => {
    const user = userEvent.setup()
    render(<CartCoupons cart={asPageSeesIt([SAVE10])} actions={fake.actions} locale="en-US" />)
    fake.removed(makeCart([]))
    await user.click(screen.getByRole("button", { name: "Remove code SAVE10" }))
    expect(fake.actions.removeCoupon).toHaveBeenCalledWith("SAVE10")
    expect(await screen.findByText("Code SAVE10 removed.")).toBeInTheDocument()
    expect(appliedList()).toBeNull()
  })

  it("says when the remove action refuses", async () => {
    const user = userEvent.setup()
    render(<CartCoupons cart={asPageSeesIt([SAVE10])} actions={fake.actions} locale="en-US" />)
    fake.removeRefused("unknown", "Cart id not found")
    await user.click(screen.getByRole("button", { name: "Remove code SAVE10" }))
    expect(await screen.findByText("Code SAVE10 could not be removed. Please try again.")).toBeInTheDocument()
    expect(within(appliedList()!).getByRole("listitem")).toHaveTextContent("SAVE10")
  })
})

describe("server actions: the newest cart wins", () => {
  const Summary = ({ cart }: { cart: CouponCart }) => (
    <CouponsProvider cart={cart} actions={fake.actions} locale="en-US">
      <CouponForm />
      <AppliedCoupons />
      <Total />
      <CouponDiscountLine />
    </CouponsProvider>
  )
  const amounts = () =>
    within(appliedList()!)
      .getAllByRole("listitem")
      .map((item) => item.textContent)

  it("never shows the page's older cart again after an apply, and takes a newer one", async () => {
    const user = userEvent.setup()
    const before = asPageSeesIt([], { updated_at: T0 })
    const view = render(<Summary cart={before} />)
    expect(screen.getByTestId("total")).toHaveTextContent("121")
    fake.applied(makeCart([SAVE10], { updated_at: T1 }))
    await user.type(field(), "SAVE10")
    await user.click(applyButton())
    expect(await screen.findByText("Code SAVE10 applied. You save $11.00.")).toBeInTheDocument()
    expect(screen.getByTestId("total")).toHaveTextContent("110")

    // a refresh that hands in the cart rendered before the apply (fetched anew: new objects, old content)
    view.rerender(<Summary cart={JSON.parse(JSON.stringify(before))} />)
    expect(amounts()).toEqual(["SAVE10-$11.00Remove"])
    expect(screen.getByTestId("total")).toHaveTextContent("110")

    // the page's revalidated cart, newer, with another code added elsewhere
    view.rerender(<Summary cart={asPageSeesIt([SAVE10, FIVE], { updated_at: T2 })} />)
    expect(amounts()).toEqual(["SAVE10-$11.00Remove", "FIVE-$5.50Remove"])
    expect(screen.getByTestId("total")).toHaveTextContent("104.5")
  })
})
