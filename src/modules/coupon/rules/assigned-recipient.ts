import type { CouponRule } from "./types"

/** A code handed to one customer or email is theirs alone. */
export const assignedRecipientRule: CouponRule = {
  name: "assigned-recipient",
  reason: "not_assigned_to_you",
  // the cart's email and customer, known only at completion or when given: waits by phase, not by cart
  reads: () => [],
  check: ({ code, cart, phase }) => {
    if (!code.assigned_email && !code.assigned_customer_id) {
      return true
    }
    const email = cart?.email?.trim().toLowerCase()
    const customerId = cart?.customer_id
    if (!email && !customerId) {
      // nobody known yet (a code checked before the email is entered); completion always knows
      return phase !== "complete" && phase !== "recheck"
    }
    return (
      (!!code.assigned_customer_id && code.assigned_customer_id === customerId) ||
      (!!code.assigned_email && code.assigned_email.toLowerCase() === email)
    )
  },
  message: () => "This code was sent to someone else. Use the email address or account it was sent to.",
}
