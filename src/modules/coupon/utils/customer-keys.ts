import type { CustomerKeyInput } from "../types"

/**
 * The keys a purchase counts against for per-customer caps: the customer
 * account and the email, so that a returning shopper is counted whether they
 * log in or check out as a guest with the same address.
 */
export const customerKeys = ({ customer_id, email }: CustomerKeyInput): string[] => {
  const keys: string[] = []
  if (customer_id) {
    keys.push(`customer:${customer_id}`)
  }
  if (email && email.trim()) {
    keys.push(`email:${email.trim().toLowerCase()}`)
  }
  return keys
}
