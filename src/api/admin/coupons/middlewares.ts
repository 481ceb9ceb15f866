import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { validatePathParams } from "../../utils/validate-path-params"
import { refuseDeepQueryKeys } from "../../utils/validate-query-keys"
import { adminCouponCodeBatchRoutesMiddlewares } from "./[id]/code-batches/middlewares"
import { adminCouponCodeRoutesMiddlewares } from "./[id]/codes/middlewares"
import { adminCouponDistributionRoutesMiddlewares } from "./[id]/distributions/middlewares"
import { adminCouponRedemptionRoutesMiddlewares } from "./[id]/redemptions/middlewares"
import { adminCouponStatsRoutesMiddlewares } from "./stats/middlewares"
import { listCouponTransformQueryConfig, retrieveCouponTransformQueryConfig } from "./query-config"
import { AdminCreateCoupon, AdminGetCouponParams, AdminGetCouponsParams, AdminUpdateCoupon } from "./validators"

// /admin/* already requires an authenticated user (Medusa's own admin auth)
export const adminCouponRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/coupons", middlewares: [refuseDeepQueryKeys] },
  // every route below /admin/coupons/:id (and its codes and batches): ids PostgreSQL can compare
  { matcher: "/admin/coupons/:id", middlewares: [validatePathParams("id")] },
  { matcher: "/admin/coupons/:id/codes/:code_id", middlewares: [validatePathParams("id", "code_id")] },
  { matcher: "/admin/coupons/:id/code-batches/:batch_id", middlewares: [validatePathParams("id", "batch_id")] },
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
