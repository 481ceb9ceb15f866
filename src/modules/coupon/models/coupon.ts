import { model } from "@medusajs/framework/utils"
import { COUPON_STATUSES, DISCOUNT_TYPES, COUPON_TARGETS } from "../constants"
import { CouponCode } from "./coupon-code"
import { CouponCodeBatch } from "./coupon-code-batch"
import { CouponCustomerUsage } from "./coupon-customer-usage"
import { CouponRedemption } from "./coupon-redemption"


export const Coupon = model
  .define("coupon", {
    id: model.id({ prefix: "cpn" }).primaryKey(),
    name: model.text().searchable(),
    description: model.text().nullable(),
    status: model.enum([...COUPON_STATUSES]).default("draft"),
    discount_type: model.enum([...DISCOUNT_TYPES]),
    /** percent (0–100] for percentage, an amount in currency_code for fixed, 0 for free shipping */
    discount_value: model.bigNumber(),
    currency_code: model.text().nullable(),
    /** cap on what a percentage discount may take off one order */
    max_discount_amount: model.bigNumber().nullable(),
    target: model.enum([...COUPON_TARGETS]).default("order"),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime().nullable(),
    /** total redemptions over all codes; null is unlimited */
    usage_limit: model.number().nullable(),
    usage_count: model.number().default(0),
    usage_limit_per_customer: model.number().nullable(),
    min_subtotal: model.bigNumber().nullable(),
    allowed_email_domains: model.array().default([]),
    sales_channel_ids: model.array().default([]),
    region_ids: model.array().default([]),
    currency_codes: model.array().default([]),
    combinable: model.boolean().default(false),
    metadata: model.json().nullable(),
    codes: model.hasMany(() => CouponCode, { mappedBy: "coupon" }),
    batches: model.hasMany(() => CouponCodeBatch, { mappedBy: "coupon" }),
    redemptions: model.hasMany(() => CouponRedemption, { mappedBy: "coupon" }),
    customer_usages: model.hasMany(() => CouponCustomerUsage, { mappedBy: "coupon" }),
  })
  .cascades({ delete: ["codes", "batches"] })
  .indexes([
    { on: ["status", "starts_at", "ends_at"] },
  ])
  .checks([
    { name: "coupon_usage_count_check", expression: (c) => `${c.usage_count} >= 0` },
    {
      name: "coupon_usage_limit_check",
      expression: (c) => `${c.usage_limit} IS NULL OR (${c.usage_limit} >= 1 AND ${c.usage_count} <= ${c.usage_limit})`,
    },
    {
      name: "coupon_usage_limit_per_customer_check",
      expression: (c) => `${c.usage_limit_per_customer} IS NULL OR ${c.usage_limit_per_customer} >= 1`,
    },
    {
      name: "coupon_discount_value_check",
      expression: (c) =>
        `${c.discount_value} >= 0 AND (${c.discount_type} <> 'percentage' OR ${c.discount_value} <= 100)`,
    },
    {
      name: "coupon_fixed_currency_check",
      expression: (c) => `${c.discount_type} <> 'fixed' OR ${c.currency_code} IS NOT NULL`,
    },
    {
      name: "coupon_dates_check",
      expression: (c) => `${c.starts_at} IS NULL OR ${c.ends_at} IS NULL OR ${c.ends_at} > ${c.starts_at}`,
    },
  ])

export { COUPON_STATUSES, DISCOUNT_TYPES, COUPON_TARGETS }
