export const defaultAdminCouponCodeBatchFields = [
  "id",
  "coupon_id",
  "requested_count",
  "generated_count",
  "status",
  "error",
  "settings",
  "completed_at",
  "created_at",
  "updated_at",
]

export const retrieveCouponCodeBatchTransformQueryConfig = {
  defaults: defaultAdminCouponCodeBatchFields,
  isList: false,
}

export const listCouponCodeBatchTransformQueryConfig = {
  defaults: defaultAdminCouponCodeBatchFields,
  defaultLimit: 20,
  isList: true,
}
