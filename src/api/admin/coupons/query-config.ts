import { COUPON_CONDITION_FIELDS } from "../../../modules/coupon/constants"

export const defaultAdminCouponFields = [
  "id",
  "name",
  "description",
  "status",
  "discount_type",
  "discount_value",
  "currency_code",
  "max_discount_amount",
  "target",
  "starts_at",
  "ends_at",
  "usage_limit",
  "usage_limit_period",
  "usage_count",
  "usage_limit_per_customer",
  "usage_limit_per_customer_period",
  "min_subtotal",
  "allowed_email_domains",
  "sales_channel_ids",
  "region_ids",
  "currency_codes",
  "combinable",
  ...COUPON_CONDITION_FIELDS,
  "metadata",
  "created_at",
  "updated_at",
]

export const retrieveCouponTransformQueryConfig = {
  defaults: defaultAdminCouponFields,
  isList: false,
}

export const listCouponTransformQueryConfig = {
  ...retrieveCouponTransformQueryConfig,
  defaultLimit: 20,
  isList: true,
}
