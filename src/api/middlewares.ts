import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { listCouponTransformQueryConfig, retrieveCouponTransformQueryConfig } from "./admin/coupons/query-config"
import {
  AdminCreateCoupon,
  AdminGetCouponParams,
  AdminGetCouponsParams,
  AdminUpdateCoupon,
} from "./admin/coupons/validators"
import { StoreApplyCoupon, StoreValidateCoupon } from "./store/coupons/validators"

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

export default defineMiddlewares({
  routes: [
    // /admin/* already requires an authenticated user (Medusa's own admin auth)
    {
      method: ["GET"],
      matcher: "/admin/coupons",
      middlewares: [validateAndTransformQuery(AdminGetCouponsParams, listCouponTransformQueryConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/coupons",
      middlewares: [
        validateAndTransformBody(AdminCreateCoupon),
        validateAndTransformQuery(AdminGetCouponParams, retrieveCouponTransformQueryConfig),
      ],
    },
    {
      method: ["GET", "DELETE"],
      matcher: "/admin/coupons/:id",
      middlewares: [validateAndTransformQuery(AdminGetCouponParams, retrieveCouponTransformQueryConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/coupons/:id",
      middlewares: [
        validateAndTransformBody(AdminUpdateCoupon),
        validateAndTransformQuery(AdminGetCouponParams, retrieveCouponTransformQueryConfig),
      ],
    },
    {
      matcher: "/store/carts*",
      middlewares: [allowCartCouponCodes],
    },
    {
      method: ["POST"],
      matcher: "/store/coupons/validate",
      middlewares: [optionalCustomer, validateAndTransformBody(StoreValidateCoupon)],
    },
    {
      method: ["POST"],
      matcher: "/store/carts/:id/coupons",
      middlewares: [optionalCustomer, validateAndTransformBody(StoreApplyCoupon)],
    },
    {
      method: ["DELETE"],
      matcher: "/store/carts/:id/coupons/:code",
      middlewares: [optionalCustomer],
    },
  ],
})
