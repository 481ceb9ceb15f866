import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBodyListingAll } from "../../validate-body"
import { listCouponCodeBatchTransformQueryConfig, retrieveCouponCodeBatchTransformQueryConfig } from "./query-config"
import { AdminCreateCouponCodeBatch, AdminGetCouponCodeBatchesParams, AdminGetCouponCodeBatchParams } from "./validators"

export const adminCouponCodeBatchRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/coupons/:id/code-batches",
    middlewares: [validateAndTransformQuery(AdminGetCouponCodeBatchesParams, listCouponCodeBatchTransformQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/coupons/:id/code-batches",
    middlewares: [
      validateAndTransformBodyListingAll(AdminCreateCouponCodeBatch),
      validateAndTransformQuery(AdminGetCouponCodeBatchParams, retrieveCouponCodeBatchTransformQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/coupons/:id/code-batches/:batch_id",
    middlewares: [validateAndTransformQuery(AdminGetCouponCodeBatchParams, retrieveCouponCodeBatchTransformQueryConfig)],
  },
]
