const GMAIL_DOMAINS = ["gmail.com", "googlemail.com"]

/**
 * The form of an email address that per-customer caps count against: trimmed
 * and lower-cased; with `aliases` also one mailbox however it is spelled, as
 * mail providers deliver it: `+tag` dropped from the local part, dots dropped
 * at Gmail, googlemail.com read as gmail.com. The migration of 2026-12-01
 * (Migration20261201143000) applies the same rules to stored keys.
 */
export const normalizeEmailKey = (email: string, { aliases }: { aliases: boolean }): string => {
  const plain = email.trim().toLowerCase()
  const at = plain.lastIndexOf("@")
  if (!aliases || at < 1) {
    return plain
  }
  let local = plain.slice(0, at)
  let domain = plain.slice(at + 1)
  const plus = local.indexOf("+")
  if (plus > 0) {
    local = local.slice(0, plus)
  }
  if (GMAIL_DOMAINS.includes(domain)) {
    domain = "gmail.com"
    local = local.replace(/\./g, "") || local
  }
  return `${local}@${domain}`
}
