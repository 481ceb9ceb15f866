import type { MessageVars } from "./format-message"
import { formatMoney } from "./money"
import type { CouponCart, CouponError } from "./types"

const match = (text: string, pattern: RegExp) => text.match(pattern)?.[1]

const formatDate = (iso: string | undefined, locale?: string) => {
  const date = iso ? new Date(iso) : null
  if (!date || Number.isNaN(date.getTime())) {
    return undefined
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date)
}

/** The server formats amounts in en-US: show them in the shopper's locale when the cart's currency is known. */
const reformatAmount = (text: string | undefined, cart?: CouponCart | null, locale?: string) => {
  const amount = text ? Number(text.replace(/[^0-9.-]/g, "")) : NaN
  return text && cart?.currency_code && Number.isFinite(amount) ? formatMoney(amount, cart.currency_code, locale) : text
}

/**
 * Values for a failure message, read from the server's message (the allowed
 * domains, the missing amount, the start date, ...) or from the cart.
 */
export const reasonVars = (error: CouponError, cart?: CouponCart | null, locale?: string): MessageVars => {
  const text = error.message ?? ""
  const vars: MessageVars = { code: error.code, message: text || undefined }
  switch (error.reason) {
    case "email_not_allowed":
      return { ...vars, domains: match(text, / at (.+)\.$/) }
    case "min_subtotal_not_met":
      return {
        ...vars,
        missing: reformatAmount(match(text, /Add (.+?) more/), cart, locale),
        minimum: reformatAmount(match(text, /\(minimum (.+?)\)/), cart, locale),
      }
    case "not_started":
      return { ...vars, date: formatDate(match(text, /from (\S+?)\.?$/), locale) }
    case "min_quantity_not_met":
      return { ...vars, missing_items: match(text, /add (\d+) more/i) }
    case "customer_limit_reached":
      return { ...vars, times: match(text, /(\d+) times/) }
    case "currency_not_supported":
      return { ...vars, currency: match(text, /in ([A-Za-z]{3})\.?$/)?.toUpperCase() ?? cart?.currency_code?.toUpperCase() }
    default:
      return vars
  }
}
