import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { listCouponTransformQueryConfig, retrieveCouponTransformQueryConfig } from "./query-config"
import { AdminCreateCoupon, AdminGetCouponParams, AdminGetCouponsParams, AdminUpdateCoupon } from "./validators"

// /admin/* already requires an authenticated user (Medusa's own admin auth)
export const adminCouponRoutesMiddlewares: MiddlewareRoute[] = [
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
]
