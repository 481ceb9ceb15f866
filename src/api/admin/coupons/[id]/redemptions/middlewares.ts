import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listCouponRedemptionTransformQueryConfig } from "./query-config"
import { AdminExportCouponRedemptionsParams, AdminGetCouponRedemptionsParams } from "./validators"

export const adminCouponRedemptionRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/coupons/:id/redemptions",
    middlewares: [validateAndTransformQuery(AdminGetCouponRedemptionsParams, listCouponRedemptionTransformQueryConfig)],
  },
  {
    method: ["GET"],
    matcher: "/admin/coupons/:id/redemptions/export",
    middlewares: [validateAndTransformQuery(AdminExportCouponRedemptionsParams, { defaults: ["id"], isList: false })],
  },
]
