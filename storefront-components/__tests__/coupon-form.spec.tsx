import { render, screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { CouponsProvider } from "../src/context"
import { CouponForm } from "../src/coupon-form"
import { useCoupons } from "../src/use-coupons"
import { CART_ID, COUPONS_PATH, makeCart, SAVE10, VALIDATE_PATH } from "./helpers/carts"
import { createFakeSdk, type FakeSdk } from "./helpers/fake-sdk"
import { renderWithCart } from "./helpers/render"

let fake: FakeSdk
beforeEach(() => {
  fake = createFakeSdk()
})

const input = () => screen.getByLabelText("Discount code")
const applyButton = () => screen.getByRole("button", { name: /Apply/ })

describe("<CouponForm>", () => {
  it("binds its label to the input and starts idle", async () => {
    await renderWithCart(fake, <CouponForm />)
    expect(input()).toHaveAttribute("type", "text")
    expect(input()).toHaveAttribute("placeholder", "Enter code")
    expect(input()).not.toHaveAttribute("aria-invalid")
    expect(applyButton()).toBeEnabled()
    expect(screen.getByRole("alert")).toBeEmptyDOMElement()
    expect(screen.getByRole("status")).toBeEmptyDOMElement()
  })

  it("applies the trimmed, upper-cased code and announces the saving", async () => {
    const user = userEvent.setup()
    const onApplied = jest.fn()
    await renderWithCart(fake, <CouponForm onApplied={onApplied} />)
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10]) })

    await user.type(input(), "  save10 ")
    await user.click(applyButton())

    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Code SAVE10 applied. You save $11.00."))
    expect(fake.calls[1].body).toEqual({ code: "SAVE10" })
    expect(input()).toHaveValue("")
    expect(onApplied).toHaveBeenCalledWith(expect.objectContaining({ id: CART_ID }), "SAVE10")
  })

  it("formats the saving in the cart's currency and the given locale", async () => {
    const user = userEvent.setup()
    const euro = (codes: (typeof SAVE10)[]) => makeCart(codes, { currency_code: "eur" })
    await renderWithCart(fake, <CouponForm />, { cart: euro([]), locale: "de-DE" })
    fake.reply("POST", COUPONS_PATH, { cart: euro([SAVE10]) })

    await user.type(input(), "save10{Enter}")

    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/You save 11,00\s€\.$/))
  })

  it("leaves the saving out when the code takes nothing off yet", async () => {
    const user = userEvent.setup()
    await renderWithCart(fake, <CouponForm />)
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([{ ...SAVE10, adjustment: 0 }]) })
    await user.type(input(), "SAVE10{Enter}")
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/^Code SAVE10 applied\.$/))
  })

  it("is disabled while applying, then gives focus back to the input", async () => {
    const user = userEvent.setup()
    await renderWithCart(fake, <CouponForm />)
    const release = fake.hold("POST", COUPONS_PATH)

    await user.type(input(), "SAVE10{Enter}")

    expect(input()).toBeDisabled()
    expect(screen.getByRole("button", { name: "Applying…" })).toBeDisabled()
    expect(input().closest("form")).toHaveAttribute("aria-busy", "true")
    expect(input().closest("form")).toHaveAttribute("data-state", "pending")

    release({ cart: makeCart([SAVE10]) })

    await waitFor(() => expect(input()).toBeEnabled())
    expect(applyButton()).toHaveTextContent("Apply")
    await waitFor(() => expect(input()).toHaveFocus())
    expect(input().closest("form")).toHaveAttribute("data-state", "applied")
  })

  it("works from the keyboard alone: Tab to the field, type, Tab to the button, Enter", async () => {
    const user = userEvent.setup()
    await renderWithCart(fake, <CouponForm />)
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10]) })

    await user.tab()
    expect(input()).toHaveFocus()
    await user.keyboard("save10")
    await user.tab()
    expect(applyButton()).toHaveFocus()
    await user.keyboard("{Enter}")

    expect(await screen.findByText("Code SAVE10 applied. You save $11.00.")).toBeInTheDocument()
    await waitFor(() => expect(input()).toHaveFocus())
  })

  it("shows a failure in the alert region and links it to the input", async () => {
    const user = userEvent.setup()
    const onError = jest.fn()
    await renderWithCart(fake, <CouponForm onError={onError} />)
    fake.refuse("POST", COUPONS_PATH, 400, { message: "This code has expired." })
    fake.reply("POST", VALIDATE_PATH, { valid: false, code: "OLD", reason: "expired", message: "This code has expired." })

    await user.type(input(), "old{Enter}")

    const alert = await screen.findByRole("alert")
    await waitFor(() => expect(alert).toHaveTextContent("Code OLD has expired."))
    expect(alert).toHaveAttribute("aria-live", "assertive")
    expect(input()).toHaveAttribute("aria-invalid", "true")
    expect(input()).toHaveAccessibleDescription("Code OLD has expired.")
    expect(input()).toHaveValue("old")
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ reason: "expired" }))
    expect(screen.getByRole("status")).toBeEmptyDOMElement()
  })

  it("clears the failure when the next code applies", async () => {
    const user = userEvent.setup()
    await renderWithCart(fake, <CouponForm />)
    await user.type(input(), "{Enter}")
    expect(screen.getByRole("alert")).toHaveTextContent("Enter a discount code.")
    expect(fake.calls).toHaveLength(1)

    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10]) })
    await user.type(input(), "SAVE10{Enter}")
    await waitFor(() => expect(screen.getByRole("alert")).toBeEmptyDOMElement())
    expect(input()).not.toHaveAttribute("aria-invalid")
  })

  it("renders as a div instead of a form inside another form, Enter still applies", async () => {
    const user = userEvent.setup()
    const outerSubmit = jest.fn((event: { preventDefault: () => void }) => event.preventDefault())
    await renderWithCart(
      fake,
      <form onSubmit={outerSubmit}>
        <CouponForm as="div" />
      </form>
    )
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10]) })
    expect(input().closest(".coupons-form")?.tagName).toBe("DIV")

    await user.type(input(), "save10{Enter}")

    expect(await screen.findByText("Code SAVE10 applied. You save $11.00.")).toBeInTheDocument()
    expect(outerSubmit).not.toHaveBeenCalled()
    expect(document.querySelectorAll("form")).toHaveLength(1)
  })

  it("takes its state from a `coupons` prop without a provider", async () => {
    const user = userEvent.setup()
    fake.reply("GET", `/store/carts/${CART_ID}`, { cart: makeCart() })
    fake.reply("POST", COUPONS_PATH, { cart: makeCart([SAVE10]) })
    const Page = () => <CouponForm coupons={useCoupons({ sdk: fake.sdk, cartId: CART_ID })} locale="en-US" />
    render(<Page />)
    await waitFor(() => expect(fake.pending()).toEqual([`POST ${COUPONS_PATH}`]))
    await user.type(input(), "save10{Enter}")
    expect(await screen.findByText("Code SAVE10 applied. You save $11.00.")).toBeInTheDocument()
  })

  it("says what it needs without a provider or a `coupons` prop", () => {
    jest.spyOn(console, "error").mockImplementation(() => {})
    expect(() => render(<CouponForm />)).toThrow(/needs a `coupons` prop/)
  })
})

describe("<CouponForm> theming", () => {
  it("carries the default classes, the caller's className and one class per part", async () => {
    await renderWithCart(
      fake,
      <CouponForm className="my-form" classNames={{ root: "r", label: "l", row: "w", input: "i", button: "b", error: "e", success: "s" }} />
    )
    const form = input().closest("form")!
    expect(form).toHaveClass("coupons-form", "my-form", "r")
    expect(screen.getByText("Discount code")).toHaveClass("coupons-form__label", "l")
    expect(input().parentElement).toHaveClass("coupons-form__row", "w")
    expect(input()).toHaveClass("coupons-form__input", "i")
    expect(applyButton()).toHaveClass("coupons-form__button", "b")
    expect(screen.getByRole("alert")).toHaveClass("coupons-form__error", "e")
    expect(screen.getByRole("status")).toHaveClass("coupons-form__success", "s")
  })

  it("drops the built-in classes when unstyled", async () => {
    const { container } = await renderWithCart(fake, <CouponForm unstyled classNames={{ input: "field" }} />)
    expect(container.querySelector("[class*='coupons-']")).toBeNull()
    expect(input()).toHaveAttribute("class", "field")
    expect(input().closest("form")).not.toHaveAttribute("class")
  })
})

describe("<CouponForm> messages", () => {
  it("replaces every string it shows", async () => {
    const user = userEvent.setup()
    const messages = {
      label: "Gutscheincode",
      placeholder: "Code eingeben",
      apply: "Einlösen",
      applying: "Wird eingelöst…",
      success: "{code} eingelöst[ – Sie sparen {amount}].",
    }
    await renderWithCart(fake, <CouponForm messages={messages} locale="de-DE" />)
    const release = fake.hold("POST", COUPONS_PATH)

    const field = screen.getByLabelText("Gutscheincode")
    expect(field).toHaveAttribute("placeholder", "Code eingeben")
    await user.type(field, "save10")
    await user.click(screen.getByRole("button", { name: "Einlösen" }))
    expect(screen.getByRole("button", { name: "Wird eingelöst…" })).toBeDisabled()
    release({ cart: makeCart([SAVE10]) })

    expect(await screen.findByText(/SAVE10 eingelöst – Sie sparen 11,00\s\$\./)).toBeInTheDocument()
  })

  it("takes messages from the provider, the form's own winning", async () => {
    const user = userEvent.setup()
    await renderWithCart(fake, <CouponForm messages={{ reasons: { empty: "Bitte Code eingeben." } }} />, {
      messages: { label: "Gutschein", reasons: { empty: "Provider." } },
    })
    expect(screen.getByLabelText("Gutschein")).toBeInTheDocument()
    await user.click(applyButton())
    expect(screen.getByRole("alert")).toHaveTextContent("Bitte Code eingeben.")
  })

  it("accepts a function for a message", async () => {
    const user = userEvent.setup()
    await renderWithCart(fake, <CouponForm messages={{ reasons: { not_found: ({ code }) => `¿${code}?` } }} />)
    fake.refuse("POST", COUPONS_PATH, 400, { message: "This code does not exist." })
    fake.reply("POST", VALIDATE_PATH, { valid: false, code: "NOPE", reason: "not_found", message: "This code does not exist." })
    await user.type(input(), "nope{Enter}")
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("¿NOPE?"))
  })
})

describe("<CouponForm> with a provider and no cart yet", () => {
  it("asks for something in the cart first", async () => {
    const user = userEvent.setup()
    render(
      <CouponsProvider sdk={fake.sdk} cartId={null}>
        <CouponForm />
      </CouponsProvider>
    )
    await user.type(input(), "SAVE10{Enter}")
    expect(screen.getByRole("alert")).toHaveTextContent("Add something to your cart before entering a code.")
    expect(fake.fetch).not.toHaveBeenCalled()
  })
})
