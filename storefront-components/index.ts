// medusa-plugin-coupons-storefront: the client components and hooks. The
// build puts "use client" at the top of this bundle; RSC-safe helpers are in
// ./core.ts, the server-action factory in ./next.ts.
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
export { CartCoupons } from "./src/cart-coupons"
export type { CartCouponsProps } from "./src/cart-coupons"
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
export { appliedCodesOf } from "./src/applied-codes"
export type { Themable } from "./src/class-names"
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
