import { screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { CouponForm } from "../src/coupon-form"
import type { CouponCart } from "../src/types"
import { COUPONS_PATH, makeCart, VALIDATE_PATH } from "./helpers/carts"
import { createFakeSdk, type FakeSdk } from "./helpers/fake-sdk"
import { renderWithCart } from "./helpers/render"

let fake: FakeSdk
beforeEach(() => {
  fake = createFakeSdk()
})

const START = "2030-06-01T09:00:00.000Z"
const startText = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(new Date(START))

/** What the store says for each reason (the rules' own messages), and what the form shows instead. */
const FAILURES: Array<[reason: string, server: string, shown: string]> = [
  ["not_found", "This code does not exist.", "Code CODE1 does not exist. Check the spelling and try again."],
  ["inactive", "This code is not active.", "Code CODE1 is not active."],
  ["not_started", `This code can be used from ${START}.`, `Code CODE1 is not valid yet. It can be used from ${startText}.`],
  ["expired", "This code has expired.", "Code CODE1 has expired."],
  ["usage_limit_reached", "This code has reached its usage limit.", "Code CODE1 has reached its usage limit."],
  ["code_usage_limit_reached", "This code has already been used.", "Code CODE1 has already been used."],
  ["customer_limit_reached", "You have already used this code 3 times.", "You have already used code CODE1 3 times."],
  [
    "email_not_allowed",
    "This code is only for email addresses at acme.com, *.acme.org.",
    "Code CODE1 is only for certain email addresses: acme.com, *.acme.org.",
  ],
  [
    "min_subtotal_not_met",
    "Add $12.50 more to your cart to use this code (minimum $50.00).",
    "Your cart is below the minimum for code CODE1. Add $12.50 more to use it.",
  ],
  ["sales_channel_not_allowed", "This code is not valid in this store.", "Code CODE1 is not valid in this store."],
  ["currency_not_supported", "This code cannot be used for purchases in USD.", "Code CODE1 cannot be used with this currency (USD)."],
  [
    "not_combinable",
    "This code cannot be combined with the codes already in your cart.",
    "Code CODE1 cannot be combined with the codes already applied.",
  ],
  ["already_applied", "This code is already applied to your cart.", "Code CODE1 is already applied."],
  ["gift_card_only", "This code only works on gift cards.", "This code only works on gift cards."],
]

const submitRefused = async (reason: string, server: string, cart?: CouponCart) => {
  const user = userEvent.setup()
  await renderWithCart(fake, <CouponForm />, cart ? { cart } : {})
  fake.refuse("POST", COUPONS_PATH, 400, { message: server })
  fake.reply("POST", VALIDATE_PATH, { valid: false, code: "CODE1", reason, message: server })
  await user.type(screen.getByLabelText("Discount code"), "code1{Enter}")
}

describe("<CouponForm> failure messages", () => {
  it.each(FAILURES)("%s", async (reason, server, shown) => {
    await submitRefused(reason, server)
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent(shown))
    expect(screen.getByLabelText("Discount code")).toHaveAttribute("aria-invalid", "true")
  })

  it("shows the missing amount in the shopper's locale and the cart's currency", async () => {
    const user = userEvent.setup()
    await renderWithCart(fake, <CouponForm locale="fr-FR" />, { cart: makeCart([], { currency_code: "eur" }) })
    const server = "Add €12.50 more to your cart to use this code (minimum €50.00)."
    fake.refuse("POST", COUPONS_PATH, 400, { message: server })
    fake.reply("POST", VALIDATE_PATH, { valid: false, code: "BIG", reason: "min_subtotal_not_met", message: server })
    await user.type(screen.getByLabelText("Discount code"), "big{Enter}")
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent(/Add 12,50\s€ more to use it\.$/))
  })

  it("still words a reason when the server's message has no details to borrow", async () => {
    await submitRefused("email_not_allowed", "Not for you.")
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent(/^Code CODE1 is only for certain email addresses\.$/))
  })

  it("falls back to a generic message when there is nothing to show", async () => {
    await submitRefused("mystery", "")
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("This code could not be applied. Please try again."))
  })

  it("names a connection problem", async () => {
    const user = userEvent.setup()
    await renderWithCart(fake, <CouponForm />)
    fake.offline("POST", COUPONS_PATH)
    await user.type(screen.getByLabelText("Discount code"), "SAVE10{Enter}")
    await waitFor(() =>
      expect(screen.getByRole("alert")).toHaveTextContent("We could not reach the store. Check your connection and try again.")
    )
  })

  it("shows the server's message for a refusal it cannot explain", async () => {
    const user = userEvent.setup()
    await renderWithCart(fake, <CouponForm />)
    fake.refuse("POST", COUPONS_PATH, 404, { message: "Cart id not found: cart_01" })
    await user.type(screen.getByLabelText("Discount code"), "SAVE10{Enter}")
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Cart id not found: cart_01"))
    expect(fake.calls.map((call) => call.path)).not.toContain(VALIDATE_PATH)
  })

  it("checks an already applied code locally", async () => {
    const user = userEvent.setup()
    await renderWithCart(fake, <CouponForm />, {
      cart: makeCart([{ code: "CODE1", promotion: `CPN-${"A".repeat(32)}`, adjustment: 10 }]),
    })
    await user.type(screen.getByLabelText("Discount code"), " code1 {Enter}")
    expect(screen.getByRole("alert")).toHaveTextContent("Code CODE1 is already applied.")
    expect(fake.calls).toHaveLength(1)
  })

  it("lets each reason's text be replaced", async () => {
    const user = userEvent.setup()
    await renderWithCart(fake, <CouponForm messages={{ reasons: { min_subtotal_not_met: "Noch {missing} bis {minimum} ({code})." } }} />)
    const server = "Add $12.50 more to your cart to use this code (minimum $50.00)."
    fake.refuse("POST", COUPONS_PATH, 400, { message: server })
    fake.reply("POST", VALIDATE_PATH, { valid: false, code: "BIG", reason: "min_subtotal_not_met", message: server })
    await user.type(screen.getByLabelText("Discount code"), "big{Enter}")
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Noch $12.50 bis $50.00 (BIG)."))
  })
})
