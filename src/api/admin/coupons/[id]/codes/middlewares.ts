import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBodyListingAll } from "../../validate-body"
import { listCouponCodeTransformQueryConfig, retrieveCouponCodeTransformQueryConfig } from "./query-config"
import {
  AdminCreateCouponCodes,
  AdminGetCouponCodeParams,
  AdminGetCouponCodesParams,
  AdminImportCouponCodes,
  AdminUpdateCouponCode,
} from "./validators"

/** An import of up to 100,000 rows fits in this. */
const IMPORT_BODY_LIMIT = "16mb"

export const adminCouponCodeRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/coupons/:id/codes",
    middlewares: [validateAndTransformQuery(AdminGetCouponCodesParams, listCouponCodeTransformQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/coupons/:id/codes",
    middlewares: [
      validateAndTransformBodyListingAll(AdminCreateCouponCodes),
      validateAndTransformQuery(AdminGetCouponCodeParams, retrieveCouponCodeTransformQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/coupons/:id/codes/import",
    bodyParser: { sizeLimit: IMPORT_BODY_LIMIT },
    middlewares: [validateAndTransformBodyListingAll(AdminImportCouponCodes)],
  },
  {
    method: ["POST"],
    matcher: "/admin/coupons/:id/codes/:code_id",
    middlewares: [
      validateAndTransformBodyListingAll(AdminUpdateCouponCode),
      validateAndTransformQuery(AdminGetCouponCodeParams, retrieveCouponCodeTransformQueryConfig),
    ],
  },
]
