export const defaultAdminCouponRedemptionFields = [
  "id",
  "code",
  "coupon_id",
  "coupon_code_id",
  "order_id",
  "cart_id",
  "customer_id",
  "email",
  "discount_amount",
  "order_total",
  "currency_code",
  "status",
  "reverted_at",
  "created_at",
]

export const listCouponRedemptionTransformQueryConfig = {
  defaults: defaultAdminCouponRedemptionFields,
  defaultLimit: 50,
  isList: true,
}
