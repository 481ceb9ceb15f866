import type { CouponRule } from "./types"

/**
 * "example.com" matches that domain only; "*.example.com" matches example.com
 * and every subdomain of it (mail.example.com), never "badexample.com".
 */
export const emailDomainMatches = (email: string, pattern: string): boolean => {
  const at = email.lastIndexOf("@")
  if (at < 1) {
    return false
  }
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
  const wanted = pattern.trim().toLowerCase().replace(/^@/, "")
  if (wanted.startsWith("*.")) {
    const base = wanted.slice(2)
    return domain === base || domain.endsWith(`.${base}`)
  }
  return domain === wanted
}

export const emailDomainRule: CouponRule = {
  name: "email-domain",
  reason: "email_not_allowed",
  reads: (coupon) => ((coupon.allowed_email_domains ?? []).length ? ["cart"] : []),
  check: ({ cart, coupon, phase }) => {
    const domains = coupon.allowed_email_domains ?? []
    if (!domains.length) {
      return true
    }
    const email = cart?.email
    // the email may not be known yet when the code is entered; completion always checks
    if (!email) {
      return phase !== "complete"
    }
    return domains.some((domain) => emailDomainMatches(email, domain))
  },
  message: ({ coupon }) => `This code is only for email addresses at ${(coupon.allowed_email_domains ?? []).join(", ")}.`,
}
