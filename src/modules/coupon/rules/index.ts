import { assignedRecipientRule } from "./assigned-recipient"
import { budgetRule } from "./budget"
import { codeReservedRule } from "./code-reserved"
import { codeUsageLimitRule } from "./code-usage-limit"
import { combinableRule } from "./combinable"
import { couponActiveRule } from "./coupon-active"
import { couponUsageLimitRule } from "./coupon-usage-limit"
import { currencyRule } from "./currency"
import { customerGroupRule } from "./customer-group"
import { customerLimitRule } from "./customer-limit"
import { emailDomainRule } from "./email-domain"
import { emailRequiredRule } from "./email-required"
import { firstOrderRule } from "./first-order"
import { loginRequiredRule } from "./login-required"
import { matchingLinesRule } from "./matching-lines"
import { maxCodesRule } from "./max-codes"
import { minMatchingSubtotalRule } from "./min-matching-subtotal"
import { minQuantityRule } from "./min-quantity"
import { minSubtotalRule } from "./min-subtotal"
import { notAlreadyAppliedRule } from "./not-already-applied"
import { notExpiredRule } from "./not-expired"
import { periodLimitRule } from "./period-limit"
import { regionRule } from "./region"
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
  codeReservedRule,
  budgetRule,
  assignedRecipientRule,
  notAlreadyAppliedRule,
  combinableRule,
  maxCodesRule,
  currencyRule,
  salesChannelRule,
  regionRule,
  emailDomainRule,
  loginRequiredRule,
  customerGroupRule,
  emailRequiredRule,
  firstOrderRule,
  customerLimitRule,
  periodLimitRule,
  minSubtotalRule,
  matchingLinesRule,
  minQuantityRule,
  minMatchingSubtotalRule,
]

export * from "./reasons"
export * from "./types"
export * from "./evaluate"
export * from "./compose"
export { emailDomainMatches } from "./email-domain"
export * from "./matching-items"
export { formatAmount } from "./format"
export { periodLimitMessage } from "./period-limit"
