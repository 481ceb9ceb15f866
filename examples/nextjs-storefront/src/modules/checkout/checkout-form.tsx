"use client"

// One form for the starter's checkout steps (see `checkout`): a guest's email
// and address; the action picks the shipping option and the system payment.
import { checkout } from "@lib/data/cart"
import { useActionState } from "react"

const FIELDS: [name: string, label: string, value: string][] = [
  ["email", "Email", ""],
  ["first_name", "First name", "Jane"],
  ["last_name", "Last name", "Doe"],
  ["address_1", "Address", "1 Main St"],
  ["city", "City", "Springfield"],
  ["postal_code", "Postal code", "12345"],
]

const CheckoutForm = ({ countryCode }: { countryCode: string }) => {
  const [state, action, pending] = useActionState(checkout, null)
  return (
    <form action={action}>
      <div className="fields">
        {FIELDS.map(([name, label, value]) => (
          <label key={name}>
            {label}
            <input
              name={name}
              defaultValue={name === "email" ? (state?.email ?? value) : value}
              key={name === "email" ? state?.email : name}
              required
              type={name === "email" ? "email" : "text"}
            />
          </label>
        ))}
        <input type="hidden" name="country_code" value={countryCode} />
      </div>
      <button type="submit" disabled={pending} data-testid="submit-order-button">
        {pending ? "Placing order…" : "Place order"}
      </button>
      {state?.error && (
        <div className="error" role="alert" data-testid="checkout-error-message">
          {state.error}
        </div>
      )}
    </form>
  )
}

export default CheckoutForm
