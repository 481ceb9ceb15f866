import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetCouponStatsParams, AdminGetStoreCouponStatsParams, couponStatsQueryConfig } from "./validators"

export const adminCouponStatsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/coupons/stats",
    middlewares: [validateAndTransformQuery(AdminGetStoreCouponStatsParams, couponStatsQueryConfig)],
  },
  {
    method: ["GET"],
    matcher: "/admin/coupons/:id/stats",
    middlewares: [validateAndTransformQuery(AdminGetCouponStatsParams, couponStatsQueryConfig)],
  },
]
