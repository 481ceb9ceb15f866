import {
  authenticate,
  validateAndTransformBody,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { validatePathParams } from "../utils/validate-path-params"
import { limitFailedCouponAttempts } from "./coupons/rate-limit/middleware"
import { capDiscountsBeforeCompletion } from "./utils/cap-discounts-before-completion"
import { hideBackingPromotionCodes } from "./utils/hide-backing-promotion-codes"
import { refreshStaleCouponDiscounts } from "./utils/refresh-stale-coupon-discounts"
import { rememberCartShopper, rememberShopper } from "./utils/remember-shopper"
import { showCodeStates } from "./utils/show-code-states"
import { translatePromoCodes } from "./utils/translate-promo-codes"
import { StoreApplyCoupon, StoreValidateCoupon, type StoreValidateCouponType } from "./coupons/validators"

// a logged-in shopper's id counts for per-customer caps; guests are welcome
const optionalCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

/**
 * Medusa's store cart routes only return fields on their allow-list and drop
 * the rest silently: let storefronts ask for the applied codes
 * (`?fields=+coupon_codes.code`). Only the code itself, never counters,
 * limits or the assigned email.
 */
export const CART_COUPON_CODE_FIELDS = ["coupon_codes.id", "coupon_codes.code"]

const allowCartCouponCodes = (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
  req.allowed = [...(req.allowed ?? []), ...CART_COUPON_CODE_FIELDS]
  next()
}

export const storeCouponRoutesMiddlewares: MiddlewareRoute[] = [
  // a coupon's max_discount_amount holds in the order (Medusa's engine has no cap)
  // and so does a coupon edited since the cart's discount was computed
  {
    method: ["POST"],
    matcher: "/store/carts/:id/complete",
    middlewares: [validatePathParams("id"), refreshStaleCouponDiscounts, capDiscountsBeforeCompletion],
  },
  { method: ["POST"], matcher: "/store/payment-collections", middlewares: [capDiscountsBeforeCompletion] },
  {
    matcher: "/store/carts*",
    // each applied code with its state (active / waiting), then named for the shopper
    middlewares: [allowCartCouponCodes, hideBackingPromotionCodes, showCodeStates],
  },
  { matcher: "/store/orders*", middlewares: [hideBackingPromotionCodes] },
  // codes typed into a storefront's own promotion field: coupon codes through the plugin's apply workflow
  { method: ["POST"], matcher: "/store/carts/:id", middlewares: [optionalCustomer, translatePromoCodes("replace")] },
  { method: ["POST"], matcher: "/store/carts/:id/promotions", middlewares: [optionalCustomer, translatePromoCodes("add")] },
  { method: ["DELETE"], matcher: "/store/carts/:id/promotions", middlewares: [translatePromoCodes("remove")] },
  { matcher: "/store/carts/:id/coupons", middlewares: [validatePathParams("id")] },
  { matcher: "/store/carts/:id/coupons/:code", middlewares: [validatePathParams("id", "code")] },
  {
    method: ["POST"],
    matcher: "/store/coupons/validate",
    middlewares: [
      optionalCustomer,
      validateAndTransformBody(StoreValidateCoupon),
      limitFailedCouponAttempts((req) => (req.validatedBody as StoreValidateCouponType).cart_id),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/carts/:id/coupons",
    middlewares: [optionalCustomer, validateAndTransformBody(StoreApplyCoupon), limitFailedCouponAttempts((req) => req.params.id)],
  },
  {
    method: ["DELETE"],
    matcher: "/store/carts/:id/coupons/:code",
    middlewares: [optionalCustomer],
  },
  // completion judges customer conditions by who is logged in on this request
  { method: ["POST"], matcher: "/store/carts/:id/complete", middlewares: [optionalCustomer, rememberShopper] },
  // ...and a completion outside a request (a payment webhook) by who was logged in on these
  ...["/store/carts/:id", "/store/carts/:id/coupons", "/store/carts/:id/promotions", "/store/carts/:id/customer"].map(
    (matcher): MiddlewareRoute => ({ method: ["POST"], matcher, middlewares: [optionalCustomer, rememberCartShopper] })
  ),
]
