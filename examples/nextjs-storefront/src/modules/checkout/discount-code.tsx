"use client"

// The official starter's promotion field
// (src/modules/checkout/components/discount-code/index.tsx), same flow with
// plain elements: the codes shown plus the typed one go to the server action
// as `promo_codes`; the trash button sends the list without its code. The
// one change: the error's message comes back as the action's answer (see
// `submitPromotionCodes`), since a production build hides thrown ones.
import { submitPromotionCodes } from "@lib/data/cart"
import { convertToLocale } from "@lib/util/money"
import { HttpTypes } from "@medusajs/types"
import React from "react"
import { useFormStatus } from "react-dom"

type DiscountCodeProps = {
  cart: HttpTypes.StoreCart
}

const SubmitButton = ({ children }: { children: React.ReactNode }) => {
  const { pending } = useFormStatus()
  return (
    <button type="submit" disabled={pending} data-testid="discount-apply-button">
      {children}
    </button>
  )
}

const DiscountCode = ({ cart }: DiscountCodeProps) => {
  const [isOpen, setIsOpen] = React.useState(false)
  const [errorMessage, setErrorMessage] = React.useState("")

  const { promotions = [] } = cart
  const removePromotionCode = async (code: string) => {
    const validPromotions = promotions.filter((promotion) => promotion.code !== code)
    setErrorMessage((await submitPromotionCodes(validPromotions.filter((p) => p.code !== undefined).map((p) => p.code!))) ?? "")
  }

  const addPromotionCode = async (formData: FormData) => {
    setErrorMessage("")
    const code = formData.get("code")
    if (!code) {
      return
    }
    const input = document.getElementById("promotion-input") as HTMLInputElement | null
    const codes = promotions.filter((p) => p.code !== undefined).map((p) => p.code!)
    codes.push(code.toString())

    setErrorMessage((await submitPromotionCodes(codes)) ?? "")

    if (input) {
      input.value = ""
    }
  }

  return (
    <div>
      <form action={addPromotionCode}>
        <button type="button" className="link-button" onClick={() => setIsOpen(!isOpen)} data-testid="add-discount-button">
          Add Promotion Code(s)
        </button>
        {isOpen && (
          <>
            <div className="inline" style={{ marginTop: 8 }}>
              <input id="promotion-input" name="code" type="text" aria-label="Promotion code" data-testid="discount-input" />
              <SubmitButton>Apply</SubmitButton>
            </div>
            {errorMessage && (
              <div className="error" role="alert" data-testid="discount-error-message">
                <span>{errorMessage}</span>
              </div>
            )}
          </>
        )}
      </form>

      {promotions.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <h2>Promotion(s) applied:</h2>
          {promotions.map((promotion) => (
            <div key={promotion.id} className="row" data-testid="discount-row">
              <span data-testid="discount-code">
                <span className="badge">{promotion.code}</span> (
                {promotion.application_method?.value !== undefined &&
                  promotion.application_method.currency_code !== undefined &&
                  (promotion.application_method.type === "percentage"
                    ? `${promotion.application_method.value}%`
                    : convertToLocale({
                        amount: +promotion.application_method.value,
                        currency_code: promotion.application_method.currency_code,
                      }))}
                )
              </span>
              {!promotion.is_automatic && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => promotion.code && removePromotionCode(promotion.code)}
                  data-testid="remove-discount-button"
                  aria-label={`Remove discount code ${promotion.code} from order`}
                >
                  Remove
                </button>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  )
}

export default DiscountCode
