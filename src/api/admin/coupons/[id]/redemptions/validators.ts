import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { REDEMPTION_STATUSES } from "../../../../../modules/coupon/constants"
import { dateRangeParam, emailText, oneOrMany, pagingParams } from "../../common-validators"

const redemptionFilters = {
  /** part of the code, order id or email */
  q: z.string().trim().max(100).optional(),
  status: oneOrMany(z.enum(REDEMPTION_STATUSES)).optional(),
  customer_id: oneOrMany(z.string().trim().min(1).max(100)).optional(),
  email: emailText.optional(),
  created_at: dateRangeParam.optional(),
}

const ORDERABLE_REDEMPTION_FIELDS = [
  "created_at",
  "code",
  "order_id",
  "customer_id",
  "email",
  "discount_amount",
  "order_total",
  "status",
] as const

export const AdminGetCouponRedemptionsParams = createFindParams({ limit: 50, offset: 0, order: "-created_at" }).extend({
  ...pagingParams({ limit: 50, orderable: ORDERABLE_REDEMPTION_FIELDS, order: "-created_at" }),
  ...redemptionFilters,
})
export type AdminGetCouponRedemptionsParamsType = z.infer<typeof AdminGetCouponRedemptionsParams>

export const AdminExportCouponRedemptionsParams = z.object(redemptionFilters).omit({ q: true }).strict()
export type AdminExportCouponRedemptionsParamsType = z.infer<typeof AdminExportCouponRedemptionsParams>
