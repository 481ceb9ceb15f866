import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { adminCouponCodeBatchRoutesMiddlewares } from "./[id]/code-batches/middlewares"
import { adminCouponCodeRoutesMiddlewares } from "./[id]/codes/middlewares"
import { adminCouponDistributionRoutesMiddlewares } from "./[id]/distributions/middlewares"
import { adminCouponRedemptionRoutesMiddlewares } from "./[id]/redemptions/middlewares"
import { adminCouponStatsRoutesMiddlewares } from "./stats/middlewares"
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
    matcher: "/admin/coupons/:id/duplicate",
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
  // codes, batches, ledger and analytics of a coupon, each kept beside its routes
  ...adminCouponCodeRoutesMiddlewares,
  ...adminCouponCodeBatchRoutesMiddlewares,
  ...adminCouponRedemptionRoutesMiddlewares,
  ...adminCouponDistributionRoutesMiddlewares,
  ...adminCouponStatsRoutesMiddlewares,
]
