import { codeUsageLimitRule } from "./code-usage-limit"
import { combinableRule } from "./combinable"
import { couponActiveRule } from "./coupon-active"
import { couponUsageLimitRule } from "./coupon-usage-limit"
import { currencyRule } from "./currency"
import { customerLimitRule } from "./customer-limit"
import { emailDomainRule } from "./email-domain"
import { minSubtotalRule } from "./min-subtotal"
import { notAlreadyAppliedRule } from "./not-already-applied"
import { notExpiredRule } from "./not-expired"
import { salesChannelRule } from "./sales-channel"
import { startedRule } from "./started"
import type { CouponRule } from "./types"

/** Checked in this order; the first failing rule gives the reason. */
export const defaultCouponRules: CouponRule[] = [
  couponActiveRule,
  startedRule,
  notExpiredRule,
  couponUsageLimitRule,
  codeUsageLimitRule,
  notAlreadyAppliedRule,
  combinableRule,
  currencyRule,
  salesChannelRule,
  emailDomainRule,
  customerLimitRule,
  minSubtotalRule,
]

export * from "./reasons"
export * from "./types"
export * from "./evaluate"
export { emailDomainMatches } from "./email-domain"
export { formatAmount } from "./format"
