// Storefront pieces for medusa-plugin-coupons: React only, no server code.
// The build puts "use client" at the top of the bundle.
export { useCoupons } from "./src/use-coupons"
export type { UseCouponsOptions, UseCouponsResult, CouponPending } from "./src/use-coupons"
export { CouponsProvider, useCouponsContext } from "./src/context"
export type { CouponsProviderProps, CouponsBinding } from "./src/context"
export { CouponForm } from "./src/coupon-form"
export type { CouponFormProps, CouponFormPart } from "./src/coupon-form"
export { AppliedCoupons } from "./src/applied-coupons"
export type { AppliedCouponsProps, AppliedCouponsPart } from "./src/applied-coupons"
export { CouponDiscountLine } from "./src/coupon-discount-line"
export type { CouponDiscountLineProps, CouponDiscountLinePart } from "./src/coupon-discount-line"
export { useCouponFromUrl } from "./src/use-coupon-from-url"
export type { UseCouponFromUrlOptions, CouponFromUrl, CouponFromUrlStatus } from "./src/use-coupon-from-url"
export { defaultMessages, mergeMessages } from "./src/messages"
export type { CouponMessages, CouponMessagesInput } from "./src/messages"
export { formatMessage } from "./src/format-message"
export type { Message, MessageVars } from "./src/format-message"
export { describeError } from "./src/describe-error"
export { formatMoney } from "./src/money"
export { normalizeCode } from "./src/normalize"
export { discountForCode } from "./src/discounts"
export type { Themable } from "./src/class-names"
export type {
  AppliedCoupon,
  CouponAction,
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
