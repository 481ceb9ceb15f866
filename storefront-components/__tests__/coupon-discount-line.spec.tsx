import { render, screen } from "@testing-library/react"
import { CouponDiscountLine } from "../src/coupon-discount-line"
import { makeCart, SAVE10 } from "./helpers/carts"
import { createFakeSdk } from "./helpers/fake-sdk"
import { renderWithCart } from "./helpers/render"

describe("<CouponDiscountLine>", () => {
  it("shows the cart's discount in its currency", () => {
    render(<CouponDiscountLine cart={makeCart([SAVE10])} locale="en-US" />)
    expect(screen.getByText("Discount")).toHaveClass("coupons-line__label")
    expect(screen.getByText("-$11.00")).toHaveClass("coupons-line__amount")
  })

  it("formats other currencies and locales", () => {
    render(<CouponDiscountLine cart={makeCart([SAVE10], { currency_code: "jpy", discount_total: 1200 })} locale="ja-JP" />)
    expect(screen.getByText(/^-[￥¥]1,200$/)).toBeInTheDocument()
  })

  it("renders nothing without a saving, unless asked to", () => {
    const { container, rerender } = render(<CouponDiscountLine cart={makeCart()} locale="en-US" />)
    expect(container).toBeEmptyDOMElement()
    rerender(<CouponDiscountLine cart={makeCart()} locale="en-US" hideWhenZero={false} />)
    expect(screen.getByText("-$0.00")).toBeInTheDocument()
  })

  it("renders nothing without a cart", () => {
    const { container } = render(<CouponDiscountLine cart={null} />)
    expect(container).toBeEmptyDOMElement()
  })

  it("reads the provider's cart", async () => {
    await renderWithCart(createFakeSdk(), <CouponDiscountLine />, { cart: makeCart([SAVE10]) })
    expect(screen.getByText("-$11.00")).toBeInTheDocument()
  })

  it("shows a given amount, its own strings and classes", () => {
    const { container } = render(
      <CouponDiscountLine
        cart={makeCart([SAVE10])}
        amount={4}
        locale="en-US"
        messages={{ discountLine: "Coupons", discountAmount: "– {amount}" }}
        className="summary-row"
        classNames={{ label: "muted", amount: "green" }}
      />
    )
    expect(container.firstChild).toHaveClass("coupons-line", "summary-row")
    expect(screen.getByText("Coupons")).toHaveClass("muted")
    expect(screen.getByText("– $4.00")).toHaveClass("green")
  })

  it("renders unstyled without any built-in class", () => {
    const { container } = render(<CouponDiscountLine cart={makeCart([SAVE10])} unstyled />)
    expect(container.querySelector("[class]")).toBeNull()
  })
})
