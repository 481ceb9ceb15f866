import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBodyListingAll } from "../../validate-body"
import { listCouponDistributionTransformQueryConfig } from "./query-config"
import { AdminCreateCouponDistribution, AdminGetCouponDistributionsParams } from "./validators"

/** 10,000 emails fit in this. */
const DISTRIBUTION_BODY_LIMIT = "4mb"

export const adminCouponDistributionRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/coupons/:id/distributions",
    middlewares: [validateAndTransformQuery(AdminGetCouponDistributionsParams, listCouponDistributionTransformQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/coupons/:id/distributions",
    bodyParser: { sizeLimit: DISTRIBUTION_BODY_LIMIT },
    middlewares: [validateAndTransformBodyListingAll(AdminCreateCouponDistribution)],
  },
]
