import type { CustomerKeyInput } from "../types"
import { normalizeEmailKey } from "./email-key"

/**
 * The keys a purchase counts against for per-customer caps: the customer
 * account and the email, so that a returning shopper is counted whether they
 * log in or check out as a guest with the same address. The email key is
 * alias-free unless `normalize_email_aliases` is off (see normalizeEmailKey).
 */
export const customerKeys = (
  { customer_id, email }: CustomerKeyInput,
  { normalize_email_aliases = true }: { normalize_email_aliases?: boolean } = {}
): string[] => {
  const keys: string[] = []
  if (customer_id) {
    keys.push(`customer:${customer_id}`)
  }
  if (email && email.trim()) {
    keys.push(`email:${normalizeEmailKey(email, { aliases: normalize_email_aliases })}`)
  }
  return keys
}
