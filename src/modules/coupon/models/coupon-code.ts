import { model } from "@medusajs/framework/utils"
import { CODE_STATUSES } from "../constants"
import { Coupon } from "./coupon"
import { CouponCodeBatch } from "./coupon-code-batch"
import { CouponDistribution } from "./coupon-distribution"
import { CouponRedemption } from "./coupon-redemption"

export const CouponCode = model
  .define("coupon_code", {
    id: model.id({ prefix: "cpncode" }).primaryKey(),
    /** normalized: trimmed, upper case */
    code: model.text().searchable(),
    /** for hashed codes (code is "#" + digest): the last 4 characters, all that can be shown */
    code_last4: model.text().nullable(),
    status: model.enum([...CODE_STATUSES]).default("active"),
    /** redemptions of this one code; 1 for single-use codes, null for unlimited */
    usage_limit: model.number().nullable(),
    usage_count: model.number().default(0),
    /** overrides the coupon's end for this code when earlier */
    expires_at: model.dateTime().nullable(),
    /** only this email (lower case) may redeem the code */
    assigned_email: model.text().nullable(),
    /** only this customer may redeem the code */
    assigned_customer_id: model.text().nullable(),
    assigned_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
    coupon: model.belongsTo(() => Coupon, { mappedBy: "codes" }),
    batch: model.belongsTo(() => CouponCodeBatch, { mappedBy: "codes" }).nullable(),
    distribution: model.belongsTo(() => CouponDistribution, { mappedBy: "codes" }).nullable(),
    redemptions: model.hasMany(() => CouponRedemption, { mappedBy: "coupon_code" }),
  })
  .indexes([
    // live codes are unique store-wide; a deleted code frees its text
    { name: "IDX_coupon_code_code_unique", on: ["code"], unique: true, where: "deleted_at IS NULL" },
    { on: ["coupon_id", "status"] },
    // keyset paging of a coupon's codes (CSV export of up to a million rows)
    { name: "IDX_coupon_code_coupon_id_id", on: ["coupon_id", "id"], where: "deleted_at IS NULL" },
    // a distribution picks unused, unassigned codes of a coupon (or batch) in id order
    {
      name: "IDX_coupon_code_unassigned",
      on: ["coupon_id", "batch_id", "id"],
      where: "deleted_at IS NULL AND assigned_email IS NULL AND assigned_customer_id IS NULL AND usage_count = 0",
    },
    { on: ["distribution_id"], where: "deleted_at IS NULL" },
    { on: ["coupon_id", "assigned_email"], where: "deleted_at IS NULL AND assigned_email IS NOT NULL" },
  ])
  .checks([
    { name: "coupon_code_usage_count_check", expression: (c) => `${c.usage_count} >= 0` },
    {
      name: "coupon_code_usage_limit_check",
      expression: (c) => `${c.usage_limit} IS NULL OR (${c.usage_limit} >= 1 AND ${c.usage_count} <= ${c.usage_limit})`,
    },
    {
      name: "coupon_code_normalized_check",
      expression: (c) => `${c.code} = upper(btrim(${c.code})) AND length(${c.code}) BETWEEN 3 AND 64`,
    },
  ])

export { CODE_STATUSES }
