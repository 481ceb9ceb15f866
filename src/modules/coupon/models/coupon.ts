import { model } from "@medusajs/framework/utils"
import { COUPON_STATUSES, DISCOUNT_TYPES, COUPON_TARGETS } from "../constants"
import { USAGE_PERIODS } from "../utils/period"
import { CouponAuditEntry } from "./coupon-audit-entry"
import { CouponCode } from "./coupon-code"
import { CouponCodeBatch } from "./coupon-code-batch"
import { CouponCustomerUsage } from "./coupon-customer-usage"
import { CouponDistribution } from "./coupon-distribution"
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
    /**
     * a fixed discount's value per currency ({ usd: 15, eur: 14 }); when set,
     * currency_code and discount_value hold its primary currency's entry
     */
    amounts: model.json().nullable(),
    /** cap on what a percentage discount may take off one order, in currency_code */
    max_discount_amount: model.bigNumber().nullable(),
    /** the same cap per currency ({ usd: 50, eur: 45 }), instead of max_discount_amount */
    max_discount_amounts: model.json().nullable(),
    target: model.enum([...COUPON_TARGETS]).default("order"),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime().nullable(),
    /** redemptions over all codes, in total or per usage_limit_period; null is unlimited */
    usage_limit: model.number().nullable(),
    /** "day", "week" or "month" on the store's calendar (option time_zone): usage_limit counts per period; null counts in total */
    usage_limit_period: model.enum([...USAGE_PERIODS]).nullable(),
    /** every redemption ever (usage_limit_period does not reset it) */
    usage_count: model.number().default(0),
    usage_limit_per_customer: model.number().nullable(),
    /** as usage_limit_period, for usage_limit_per_customer */
    usage_limit_per_customer_period: model.enum([...USAGE_PERIODS]).nullable(),
    min_subtotal: model.bigNumber().nullable(),
    /** the minimum subtotal per currency ({ usd: 50, eur: 45 }), instead of min_subtotal */
    min_subtotals: model.json().nullable(),
    allowed_email_domains: model.array().default([]),
    sales_channel_ids: model.array().default([]),
    region_ids: model.array().default([]),
    currency_codes: model.array().default([]),
    /** stacks with other discounts: every class (combines_with null) or the classes of combines_with, when set */
    combinable: model.boolean().default(false),
    /** Shopify's combinations: { order, product, shipping } this coupon stacks with; null follows combinable */
    combines_with: model.json().nullable(),
    /** stacked coupons apply in this order, higher first, each on what the ones before left */
    priority: model.number().default(0),
    /** lines the discount goes to ("get" lines of buy X get Y): { product_ids | collection_ids | category_ids | type_ids }, one kind */
    targets: model.json().nullable(),
    /** lines never discounted nor counted, any kinds */
    excluded_targets: model.json().nullable(),
    /** the "buy" lines of buy X get Y, same shape as targets */
    buy_targets: model.json().nullable(),
    buy_quantity: model.number().nullable(),
    get_quantity: model.number().nullable(),
    /** how many times buy X get Y applies to one cart; null is as often as it qualifies */
    max_applications: model.number().nullable(),
    /** free shipping / shipping discounts only on these shipping options */
    shipping_option_ids: model.array().default([]),
    customer_group_ids: model.array().default([]),
    first_order_only: model.boolean().default(false),
    requires_login: model.boolean().default(false),
    /** minimum quantity of matching lines */
    min_quantity: model.number().nullable(),
    /** minimum subtotal of matching lines */
    min_matching_subtotal: model.bigNumber().nullable(),
    /** total discount the coupon may give, per currency: { "usd": 500 } */
    budget_limits: model.json().nullable(),
    metadata: model.json().nullable(),
    codes: model.hasMany(() => CouponCode, { mappedBy: "coupon" }),
    batches: model.hasMany(() => CouponCodeBatch, { mappedBy: "coupon" }),
    redemptions: model.hasMany(() => CouponRedemption, { mappedBy: "coupon" }),
    customer_usages: model.hasMany(() => CouponCustomerUsage, { mappedBy: "coupon" }),
    distributions: model.hasMany(() => CouponDistribution, { mappedBy: "coupon" }),
    audit_entries: model.hasMany(() => CouponAuditEntry, { mappedBy: "coupon" }),
  })
  .cascades({ delete: ["codes", "batches"] })
  .indexes([{ on: ["status", "starts_at", "ends_at"] }])
  .checks([
    { name: "coupon_usage_count_check", expression: (c) => `${c.usage_count} >= 0` },
    {
      name: "coupon_usage_limit_check",
      expression: (c) =>
        `${c.usage_limit} IS NULL OR (${c.usage_limit} >= 1 AND (${c.usage_limit_period} IS NOT NULL OR ${c.usage_count} <= ${c.usage_limit}))`,
    },
    {
      name: "coupon_usage_limit_per_customer_check",
      expression: (c) => `${c.usage_limit_per_customer} IS NULL OR ${c.usage_limit_per_customer} >= 1`,
    },
    {
      name: "coupon_discount_value_check",
      expression: (c) => `${c.discount_value} >= 0 AND (${c.discount_type} <> 'percentage' OR ${c.discount_value} <= 100)`,
    },
    {
      name: "coupon_fixed_currency_check",
      expression: (c) => `${c.discount_type} <> 'fixed' OR ${c.currency_code} IS NOT NULL`,
    },
    {
      name: "coupon_dates_check",
      expression: (c) => `${c.starts_at} IS NULL OR ${c.ends_at} IS NULL OR ${c.ends_at} > ${c.starts_at}`,
    },
    {
      name: "coupon_buy_get_check",
      expression: (c) =>
        `${c.discount_type} <> 'buy_get' OR (${c.buy_quantity} >= 1 AND ${c.get_quantity} >= 1 AND ${c.discount_value} > 0 AND ${c.discount_value} <= 100)`,
    },
    {
      name: "coupon_max_applications_check",
      expression: (c) => `${c.max_applications} IS NULL OR ${c.max_applications} >= 1`,
    },
    {
      name: "coupon_min_quantity_check",
      expression: (c) => `${c.min_quantity} IS NULL OR ${c.min_quantity} >= 1`,
    },
  ])

export { COUPON_STATUSES, DISCOUNT_TYPES, COUPON_TARGETS }
