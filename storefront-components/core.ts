// RSC-safe helpers of medusa-plugin-coupons-storefront: plain functions and
// types, no React state and no "use client", usable in Server Components and
// server actions alike.
export { appliedCodesOf } from "./src/applied-codes"
export type { CartCode } from "./src/applied-codes"
export { defaultMessages, mergeMessages } from "./src/messages"
export type { CouponMessages, CouponMessagesInput } from "./src/messages"
export { formatMessage } from "./src/format-message"
export type { Message, MessageVars } from "./src/format-message"
export { describeError } from "./src/describe-error"
export { formatMoney } from "./src/money"
export { normalizeCode } from "./src/normalize"
export { discountForCode } from "./src/discounts"
export { isOlderCart, mergeCart } from "./src/merge-cart"
export type {
  AppliedCoupon,
  CouponAction,
  CouponActionResult,
  CouponActions,
  CouponCart,
  CouponClientReason,
  CouponError,
  CouponOutcome,
  CouponReason,
  CouponServerReason,
  CouponValidation,
  CouponsSdk,
  ValidatedCoupon,
} from "./src/types"
