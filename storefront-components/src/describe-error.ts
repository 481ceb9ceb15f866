import { formatMessage } from "./format-message"
import type { CouponMessages } from "./messages"
import { reasonVars } from "./reason-vars"
import type { CouponCart, CouponError } from "./types"

/** The shopper-facing text for a failure: the reason's message, else the server's, else a generic one. */
export const describeError = (error: CouponError, messages: CouponMessages, cart?: CouponCart | null, locale?: string): string => {
  const vars = reasonVars(error, cart, locale)
  const template = messages.reasons[error.reason]
  const text = template !== undefined ? formatMessage(template, vars) : error.message
  return text || formatMessage(messages.genericError, vars)
}
