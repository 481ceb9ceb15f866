import { COUPON_INPUT_FIELDS } from "../../../modules/coupon/schemas/coupon-fields"

/** The coupon's own fields (its input schema's), its all-time count and its dates. */
export const defaultAdminCouponFields = ["id", ...COUPON_INPUT_FIELDS, "usage_count", "created_at", "updated_at"]

export const retrieveCouponTransformQueryConfig = {
  defaults: defaultAdminCouponFields,
  isList: false,
}

export const listCouponTransformQueryConfig = {
  ...retrieveCouponTransformQueryConfig,
  defaultLimit: 20,
  isList: true,
}
