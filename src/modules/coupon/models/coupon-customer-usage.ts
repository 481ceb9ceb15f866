import { model } from "@medusajs/framework/utils"
import { Coupon } from "./coupon"

/**
 * Per-customer counter, one row per coupon and customer key ("customer:<id>" or
 * "email:<address>"), so that the per-customer cap is enforced by one
 * conditional upsert instead of counting ledger rows.
 */
export const CouponCustomerUsage = model
  .define("coupon_customer_usage", {
    id: model.id({ prefix: "cpncu" }).primaryKey(),
    customer_key: model.text(),
    usage_count: model.number().default(0),
    coupon: model.belongsTo(() => Coupon, { mappedBy: "customer_usages" }),
  })
  .indexes([{ name: "IDX_coupon_customer_usage_unique", on: ["coupon_id", "customer_key"], unique: true, where: "deleted_at IS NULL" }])
  .checks([{ name: "coupon_customer_usage_count_check", expression: (c) => `${c.usage_count} >= 0` }])
