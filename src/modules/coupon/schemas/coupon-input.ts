import type { z as Zod } from "@medusajs/framework/zod"
import { USAGE_PERIODS } from "../utils/period"
import { codeFormatProblem, normalizeCode } from "../codes/normalize"
import { isStorableDate, STORABLE_DATE_MESSAGE } from "./storable-date"
import { COUPON_STATUSES, COUPON_TARGETS, DISCOUNT_TYPES } from "../constants"
import { couponCrossFieldProblems, type CouponCrossFieldShape } from "./coupon-cross-field-rules"

type ZodNamespace = typeof Zod

/**
 * The coupon input rules, written once and built with whichever zod instance
 * the caller has: the API passes Medusa's (`@medusajs/framework/zod`), the
 * admin form passes the dashboard's, so a form shows the same field errors
 * the API would answer.
 */
export const buildCouponInputSchemas = (z: ZodNamespace) => {
  const domain = z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, "must be a domain such as example.com or *.example.com")
  const ids = z.array(z.string().trim().min(1).max(100)).max(100)
  // years 1..9999: what PostgreSQL can store as written (see storable-date.ts)
  const nullableDate = z.coerce.date().refine(isStorableDate, STORABLE_DATE_MESSAGE).nullable().optional()

  const currency = z.string().trim().length(3).toLowerCase()
  /** a value per currency: { usd: 15, eur: 14 } (see currency-values.ts) */
  const perCurrency = (value: Zod.ZodNumber) =>
    z
      .record(currency, value)
      .refine((values) => Object.keys(values).length >= 1, "name at least one currency")
      .refine((values) => Object.keys(values).length <= 50, "at most 50 currencies")
  const selector = z
    .object({
      product_ids: ids.optional(),
      collection_ids: ids.optional(),
      category_ids: ids.optional(),
      type_ids: ids.optional(),
    })
    .strict()

  const code = z
    .string()
    .max(64, "is at most 64 characters")
    .transform(normalizeCode)
    .superRefine((value, ctx) => {
      const problem = codeFormatProblem(value)
      if (problem) {
        ctx.addIssue({
          code: "custom",
          message: `code "${value}" is not valid (${problem.replace("_", " ")}): use 3–64 letters, digits, - or _`,
        })
      }
    })

  const fields = {
    name: z.string().trim().min(1, "name is required").max(200),
    description: z.string().max(2000).nullable().optional(),
    status: z.enum(COUPON_STATUSES),
    discount_type: z.enum(DISCOUNT_TYPES),
    discount_value: z.number().min(0).max(100_000_000),
    currency_code: z.string().trim().length(3).toLowerCase().nullable().optional(),
    /** a fixed discount per currency; currency_code and discount_value then hold the primary currency's entry */
    amounts: perCurrency(z.number().positive().max(100_000_000)).nullable().optional(),
    max_discount_amount: z.number().positive().nullable().optional(),
    max_discount_amounts: perCurrency(z.number().positive().max(1_000_000_000)).nullable().optional(),
    target: z.enum(COUPON_TARGETS),
    starts_at: nullableDate,
    ends_at: nullableDate,
    usage_limit: z.number().int().min(1).max(2_000_000_000).nullable().optional(),
    usage_limit_per_customer: z.number().int().min(1).max(1_000_000).nullable().optional(),
    usage_limit_period: z.enum(USAGE_PERIODS).nullable().optional(),
    usage_limit_per_customer_period: z.enum(USAGE_PERIODS).nullable().optional(),
    min_subtotal: z.number().min(0).nullable().optional(),
    min_subtotals: perCurrency(z.number().min(0).max(1_000_000_000)).nullable().optional(),
    allowed_email_domains: z.array(domain).max(100),
    sales_channel_ids: ids,
    region_ids: ids,
    currency_codes: z.array(z.string().trim().length(3).toLowerCase()).max(50),
    combinable: z.boolean(),
    /** the discount classes it stacks with (Shopify's combinations); combinable then says whether it stacks at all */
    /** stacked coupons apply in this order, higher first (0–1000) */
    priority: z.number().int().min(0).max(1000).optional(),
    combines_with: z.object({ order: z.boolean(), product: z.boolean(), shipping: z.boolean() }).strict().nullable().optional(),
    metadata: z.record(z.string(), z.unknown()).nullable().optional(),
    /** lines to discount (the "get" lines of buy X get Y): products, collections, categories or product types */
    targets: selector.nullable().optional(),
    excluded_targets: selector.nullable().optional(),
    buy_targets: selector.nullable().optional(),
    buy_quantity: z.number().int().min(1).max(1000).nullable().optional(),
    get_quantity: z.number().int().min(1).max(1000).nullable().optional(),
    max_applications: z.number().int().min(1).max(1000).nullable().optional(),
    shipping_option_ids: ids.optional(),
    customer_group_ids: ids.optional(),
    first_order_only: z.boolean().optional(),
    requires_login: z.boolean().optional(),
    min_quantity: z.number().int().min(1).max(100_000).nullable().optional(),
    min_matching_subtotal: z.number().min(0).nullable().optional(),
    /** most discount the coupon may give in total, per currency: { usd: 500 } */
    budget_limits: z
      .record(currency, z.number().positive().max(1_000_000_000))
      .refine((limits) => Object.keys(limits).length <= 50, "at most 50 currencies")
      .nullable()
      .optional(),
  }

  /** Cross-field rules (one home: coupon-cross-field-rules.ts); each problem is its own issue so a 400 (or a form) lists them all. */
  const crossFieldRules = (coupon: CouponCrossFieldShape, ctx: Zod.RefinementCtx) => {
    for (const problem of couponCrossFieldProblems(coupon)) {
      ctx.addIssue({ code: "custom", path: [problem.path], message: problem.message })
    }
  }

  const createObject = z
    .object({
      ...fields,
      status: fields.status.optional(),
      target: fields.target.optional(),
      discount_value: fields.discount_value.optional(),
      allowed_email_domains: fields.allowed_email_domains.optional(),
      sales_channel_ids: fields.sales_channel_ids.optional(),
      region_ids: fields.region_ids.optional(),
      currency_codes: fields.currency_codes.optional(),
      combinable: fields.combinable.optional(),
      /** the coupon's single shared code, created in the same call */
      code: code.optional(),
      code_usage_limit: z.number().int().min(1).nullable().optional(),
    })
    .strict()
    .superRefine(crossFieldRules)

  return {
    code,
    createCoupon: createObject,
    updateCoupon: z.object(fields).partial().strict().superRefine(crossFieldRules),
  }
}
