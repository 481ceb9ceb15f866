export const defaultAdminCouponDistributionFields = [
  "id",
  "coupon_id",
  "batch_id",
  "customer_group_id",
  "recipient_count",
  "assigned_count",
  "skipped_count",
  "valid_for_days",
  "created_by",
  "created_at",
]

export const listCouponDistributionTransformQueryConfig = {
  defaults: defaultAdminCouponDistributionFields,
  defaultLimit: 20,
  isList: true,
}
