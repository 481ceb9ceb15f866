import { render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { AppliedCoupons } from "../src/applied-coupons"
import { CouponForm } from "../src/coupon-form"
import { COUPONS_PATH, FIVE, makeCart, SAVE10 } from "./helpers/carts"
import { createFakeSdk, type FakeSdk } from "./helpers/fake-sdk"
import { renderWithCart } from "./helpers/render"

let fake: FakeSdk
beforeEach(() => {
  fake = createFakeSdk()
})

const list = () => screen.getByRole("list", { name: "Applied discount codes" })
const items = () => within(list()).getAllByRole("listitem")

describe("<AppliedCoupons>", () => {
  it("lists nothing when no code is applied", async () => {
    await renderWithCart(fake, <AppliedCoupons />)
    expect(screen.queryByRole("list")).toBeNull()
  })

  it("shows a lone code with the cart's discount", async () => {
    await renderWithCart(fake, <AppliedCoupons />, { cart: makeCart([SAVE10]) })
    expect(items()).toHaveLength(1)
    expect(items()[0]).toHaveTextContent("SAVE10-$11.00Remove")
    expect(screen.getByRole("button", { name: "Remove code SAVE10" })).toHaveTextContent("Remove")
  })

  it("shows each code's own discount once it has seen the codes applied", async () => {
    const user = userEvent.setup()
    await renderWithCart(
      fake,
      <>
        <CouponForm />
        <AppliedCoupons />
      </>,
      { cart: makeCart([SAVE10]) }
    )
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10, FIVE]) })
    await user.type(screen.getByLabelText("Discount code"), "five{Enter}")
    await waitFor(() => expect(items()).toHaveLength(2))
    expect(items()[0]).toHaveTextContent("SAVE10-$11.00")
    expect(items()[1]).toHaveTextContent("FIVE-$5.50")
  })

  it("remembers which code is which across a reload of the page", async () => {
    const user = userEvent.setup()
    const first = await renderWithCart(
      fake,
      <>
        <CouponForm />
        <AppliedCoupons />
      </>,
      { cart: makeCart([SAVE10]) }
    )
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10, FIVE]) })
    await user.type(screen.getByLabelText("Discount code"), "five{Enter}")
    await waitFor(() => expect(items()).toHaveLength(2))
    first.unmount()

    // the cart comes back with the codes in another order
    const reloaded = makeCart([FIVE, SAVE10])
    await renderWithCart(fake, <AppliedCoupons />, { cart: reloaded })
    expect(items()[0]).toHaveTextContent("FIVE-$5.50")
    expect(items()[1]).toHaveTextContent("SAVE10-$11.00")
  })

  it("leaves the amount out when several codes cannot be told apart", async () => {
    await renderWithCart(fake, <AppliedCoupons />, { cart: makeCart([SAVE10, FIVE]) })
    expect(items()[0]).toHaveTextContent(/^SAVE10Remove$/)
  })

  it("removes a code, announces it and moves focus to the next code", async () => {
    const user = userEvent.setup()
    const onRemoved = jest.fn()
    await renderWithCart(fake, <AppliedCoupons onRemoved={onRemoved} />, { cart: makeCart([SAVE10, FIVE]) })
    const release = fake.hold("DELETE", `${COUPONS_PATH}/SAVE10`)

    await user.click(screen.getByRole("button", { name: "Remove code SAVE10" }))

    expect(screen.getByRole("button", { name: "Remove code SAVE10" })).toHaveTextContent("Removing…")
    expect(screen.getByRole("button", { name: "Remove code SAVE10" })).toBeDisabled()
    expect(screen.getByRole("button", { name: "Remove code FIVE" })).toBeDisabled()
    release({ cart: makeCart([FIVE]) })

    await waitFor(() => expect(items()).toHaveLength(1))
    expect(screen.getByRole("status")).toHaveTextContent("Code SAVE10 removed.")
    await waitFor(() => expect(screen.getByRole("button", { name: "Remove code FIVE" })).toHaveFocus())
    expect(onRemoved).toHaveBeenCalledWith(expect.objectContaining({ coupon_codes: [{ id: "cc_0", code: "FIVE" }] }), "SAVE10")
  })

  it("works from the keyboard and keeps focus in the list when the last code goes", async () => {
    const user = userEvent.setup()
    const { container } = await renderWithCart(fake, <AppliedCoupons />, { cart: makeCart([SAVE10]) })
    fake.reply("DELETE", `${COUPONS_PATH}/SAVE10`, { cart: makeCart() })

    await user.tab()
    expect(screen.getByRole("button", { name: "Remove code SAVE10" })).toHaveFocus()
    await user.keyboard("{Enter}")

    await waitFor(() => expect(screen.queryByRole("list")).toBeNull())
    await waitFor(() => expect(container.querySelector(".coupons-applied")).toHaveFocus())
  })

  it("says when a code could not be removed", async () => {
    const user = userEvent.setup()
    const onError = jest.fn()
    await renderWithCart(fake, <AppliedCoupons onError={onError} />, { cart: makeCart([SAVE10]) })
    fake.refuse("DELETE", `${COUPONS_PATH}/SAVE10`, 500, { message: "An unknown error occurred." })

    await user.click(screen.getByRole("button", { name: "Remove code SAVE10" }))

    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Code SAVE10 could not be removed. Please try again."))
    expect(items()).toHaveLength(1)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ action: "remove", code: "SAVE10" }))
  })

  it("leaves remove failures out of the form and apply failures out of the list", async () => {
    const user = userEvent.setup()
    await renderWithCart(
      fake,
      <>
        <CouponForm />
        <AppliedCoupons />
      </>,
      { cart: makeCart([SAVE10]) }
    )
    fake.offline("DELETE", `${COUPONS_PATH}/SAVE10`)
    await user.click(screen.getByRole("button", { name: "Remove code SAVE10" }))
    const [formAlert, listAlert] = screen.getAllByRole("alert")
    await waitFor(() => expect(listAlert).toHaveTextContent("We could not reach the store."))
    expect(formAlert).toBeEmptyDOMElement()
  })

  it("takes the caller's classes per part beside its own", async () => {
    const { container } = await renderWithCart(
      fake,
      <AppliedCoupons className="mine" classNames={{ item: "row", code: "badge", amount: "money", button: "x" }} />,
      { cart: makeCart([SAVE10]) }
    )
    expect(container.querySelector(".coupons-applied")).toHaveClass("mine")
    expect(items()[0]).toHaveClass("coupons-applied__item", "row")
    expect(screen.getByText("SAVE10")).toHaveClass("coupons-applied__code", "badge")
    expect(screen.getByText("-$11.00")).toHaveClass("coupons-applied__amount", "money")
    expect(screen.getByRole("button")).toHaveClass("coupons-applied__button", "x")
  })

  it("renders unstyled without any built-in class", async () => {
    const { container } = await renderWithCart(fake, <AppliedCoupons unstyled />, { cart: makeCart([SAVE10]) })
    expect(container.querySelector("[class*='coupons-']")).toBeNull()
  })

  it("replaces its strings", async () => {
    await renderWithCart(
      fake,
      <AppliedCoupons
        messages={{ appliedLabel: "Codes", remove: "Entfernen", removeLabel: "{code} entfernen", discountAmount: "− {amount}" }}
        locale="de-DE"
      />,
      { cart: makeCart([SAVE10]) }
    )
    const [item] = within(screen.getByRole("list", { name: "Codes" })).getAllByRole("listitem")
    expect(item).toHaveTextContent(/SAVE10− 11,00\s\$Entfernen/)
    expect(screen.getByRole("button", { name: "SAVE10 entfernen" })).toBeInTheDocument()
  })

  it("needs a provider or a `coupons` prop", () => {
    jest.spyOn(console, "error").mockImplementation(() => {})
    expect(() => render(<AppliedCoupons />)).toThrow(/AppliedCoupons/)
  })
})
