import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { oneOrMany, pagingParams } from "./common-validators"
import { COUPON_STATUSES, DISCOUNT_TYPES } from "../../../modules/coupon/constants"
import { buildCouponInputSchemas } from "../../../modules/coupon/schemas/coupon-input"

const schemas = buildCouponInputSchemas(z)

export const couponCodeText = schemas.code

export const AdminCreateCoupon = schemas.createCoupon.transform((coupon) => ({
  ...coupon,
  // free shipping takes the whole shipping price: the value is not the admin's to set; amounts give their primary one
  discount_value: coupon.discount_type === "free_shipping" ? 0 : (coupon.discount_value ?? (coupon.amounts ? undefined : 0)),
  target:
    coupon.discount_type === "free_shipping"
      ? ("shipping" as const)
      : coupon.discount_type === "buy_get"
        ? ("items" as const)
        : coupon.target,
}))
export type AdminCreateCouponType = z.infer<typeof AdminCreateCoupon>

export const AdminUpdateCoupon = schemas.updateCoupon
export type AdminUpdateCouponType = z.infer<typeof AdminUpdateCoupon>

export const AdminGetCouponParams = createSelectParams()

const ORDERABLE_COUPON_FIELDS = [
  "name",
  "status",
  "discount_type",
  "usage_count",
  "starts_at",
  "ends_at",
  "created_at",
  "updated_at",
] as const

export const AdminGetCouponsParams = createFindParams({ limit: 20, offset: 0 }).extend({
  // bounded so that a bad value is a 400, never a database error
  ...pagingParams({ limit: 20, maxLimit: 200, orderable: ORDERABLE_COUPON_FIELDS }),
  q: z.string().trim().max(100).optional(),
  status: oneOrMany(z.enum(COUPON_STATUSES)).optional(),
  discount_type: oneOrMany(z.enum(DISCOUNT_TYPES)).optional(),
  /** active now / not started yet / ended */
  state: z.enum(["active", "scheduled", "expired"]).optional(),
})
export type AdminGetCouponsParamsType = z.infer<typeof AdminGetCouponsParams>
