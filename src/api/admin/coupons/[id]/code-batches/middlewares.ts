import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBodyListingAll } from "../../validate-body"
import { retrieveCouponCodeBatchTransformQueryConfig } from "./query-config"
import { AdminCreateCouponCodeBatch, AdminGetCouponCodeBatchParams } from "./validators"

export const adminCouponCodeBatchRoutesMiddlewares: MiddlewareRoute[] = [
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
