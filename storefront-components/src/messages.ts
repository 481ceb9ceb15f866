import type { Message } from "./format-message"

/**
 * Every string the components show. Placeholders: `{code}` everywhere,
 * `{amount}` for money, `{message}` for the server's own text, and per reason
 * `{date}`, `{times}`, `{domains}`, `{missing}`, `{minimum}`, `{currency}`.
 */
export type CouponMessages = {
  label: Message
  placeholder: Message
  apply: Message
  applying: Message
  success: Message
  appliedLabel: Message
  remove: Message
  removeLabel: Message
  removing: Message
  removed: Message
  removeFailed: Message
  discountLine: Message
  discountAmount: Message
  /** When neither a reason message nor a server message is there. */
  genericError: Message
  /** By reason code; a reason missing here shows the server's message. */
  reasons: Record<string, Message>
}

export type CouponMessagesInput = Partial<Omit<CouponMessages, "reasons">> & { reasons?: Record<string, Message> }

export const defaultMessages: CouponMessages = {
  label: "Discount code",
  placeholder: "Enter code",
  apply: "Apply",
  applying: "Applying…",
  success: "Code {code} applied.[ You save {amount}.]",
  appliedLabel: "Applied discount codes",
  remove: "Remove",
  removeLabel: "Remove code {code}",
  removing: "Removing…",
  removed: "Code {code} removed.",
  removeFailed: "Code {code} could not be removed. Please try again.",
  discountLine: "Discount",
  discountAmount: "-{amount}",
  genericError: "This code could not be applied. Please try again.",
  reasons: {
    empty: "Enter a discount code.",
    no_cart: "Add something to your cart before entering a code.",
    network: "We could not reach the store. Check your connection and try again.",
    rate_limited: "Too many codes that did not apply. Please wait a few minutes and try again.",
    not_found: "Code {code} does not exist. Check the spelling and try again.",
    inactive: "Code {code} is not active.",
    not_started: "Code {code} is not valid yet.[ It can be used from {date}.]",
    expired: "Code {code} has expired.",
    usage_limit_reached: "Code {code} has reached its usage limit.",
    code_usage_limit_reached: "Code {code} has already been used.",
    customer_limit_reached: "You have already used code {code}[ {times} times].",
    email_not_allowed: "Code {code} is only for certain email addresses[: {domains}].",
    min_subtotal_not_met: "Your cart is below the minimum for code {code}.[ Add {missing} more to use it.]",
    sales_channel_not_allowed: "Code {code} is not valid in this store.",
    currency_not_supported: "Code {code} cannot be used with this currency[ ({currency})].",
    not_combinable: "Code {code} cannot be combined with the codes already applied.",
    already_applied: "Code {code} is already applied.",
    customer_group_not_allowed: "Code {code} is for selected customers only.",
    first_order_only: "Code {code} is for first orders only.",
    login_required: "Log in to your account to use code {code}.",
    min_quantity_not_met: "Add more eligible items to use code {code}.[ {missing_items} more needed.]",
    no_matching_items: "Code {code} does not apply to the items in your cart.",
    budget_exhausted: "Code {code} is no longer available: the promotion has ended.",
    not_assigned_to_you: "Code {code} was sent to someone else. Use the email or account it was sent to.",
    email_required: "Enter your email address to use code {code}.",
    region_not_allowed: "Code {code} cannot be used in your region.",
    code_reserved: "Code {code} is in use in another checkout. Try again in a few minutes.",
    period_limit_reached: "Code {code} has reached its limit for now. Try again later.",
    invalid_code: "Code {code} is not valid. Check the spelling and try again.",
  },
}

/** Defaults, then each override in turn (`reasons` merged key by key). */
export const mergeMessages = (...overrides: Array<CouponMessagesInput | undefined>): CouponMessages =>
  overrides.reduce<CouponMessages>(
    (merged, override) => (override ? { ...merged, ...override, reasons: { ...merged.reasons, ...override.reasons } } : merged),
    defaultMessages
  )
