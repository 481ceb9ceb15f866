export const defaultAdminCouponCodeFields = [
  "id",
  "code",
  "code_last4",
  "status",
  "usage_limit",
  "usage_count",
  "expires_at",
  "assigned_email",
  "assigned_customer_id",
  "assigned_at",
  "distribution_id",
  "coupon_id",
  "batch_id",
  "metadata",
  "created_at",
  "updated_at",
]

export const retrieveCouponCodeTransformQueryConfig = {
  defaults: defaultAdminCouponCodeFields,
  isList: false,
}

export const listCouponCodeTransformQueryConfig = {
  ...retrieveCouponCodeTransformQueryConfig,
  defaultLimit: 50,
  isList: true,
}
