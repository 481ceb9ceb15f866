// Server side of medusa-plugin-coupons-storefront for Next.js App Router:
// a factory of server actions. Import it from the storefront's own
// "use server" file; nothing here runs in the browser.
export { createCouponActions } from "./src/next/create-coupon-actions"
export type { CouponServerActions, CreateCouponActionsOptions } from "./src/next/create-coupon-actions"
export type { CouponActionResult, CouponCart, CouponValidation, CouponsSdk } from "./src/types"
