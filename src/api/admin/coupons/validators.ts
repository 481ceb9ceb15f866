import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { codeFormatProblem, normalizeCode } from "../../../modules/coupon/codes/normalize"
import { COUPON_STATUSES, COUPON_TARGETS, DISCOUNT_TYPES } from "../../../modules/coupon/models/coupon"

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, "must be a domain such as example.com or *.example.com")

const ids = z.array(z.string().trim().min(1).max(100)).max(100)
const nullableDate = z.coerce.date().nullable().optional()

export const couponCodeText = z
  .string()
  .max(64, "is at most 64 characters")
  .transform(normalizeCode)
  .superRefine((code, ctx) => {
    const problem = codeFormatProblem(code)
    if (problem) {
      ctx.addIssue({ code: "custom", message: `code "${code}" is not valid (${problem.replace("_", " ")}): use 3–64 letters, digits, - or _` })
    }
  })

const couponFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullable().optional(),
  status: z.enum(COUPON_STATUSES),
  discount_type: z.enum(DISCOUNT_TYPES),
  discount_value: z.number().min(0).max(100_000_000),
  currency_code: z.string().trim().length(3).toLowerCase().nullable().optional(),
  max_discount_amount: z.number().positive().nullable().optional(),
  target: z.enum(COUPON_TARGETS),
  starts_at: nullableDate,
  ends_at: nullableDate,
  usage_limit: z.number().int().min(1).max(2_000_000_000).nullable().optional(),
  usage_limit_per_customer: z.number().int().min(1).max(1_000_000).nullable().optional(),
  min_subtotal: z.number().min(0).nullable().optional(),
  allowed_email_domains: z.array(domain).max(100),
  sales_channel_ids: ids,
  region_ids: ids,
  currency_codes: z.array(z.string().trim().length(3).toLowerCase()).max(50),
  combinable: z.boolean(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
}

type CouponShape = Partial<{
  discount_type: string
  discount_value: number
  currency_code: string | null
  starts_at: Date | null
  ends_at: Date | null
}>

/** Cross-field rules; each problem is its own issue so the 400 lists them all. */
const crossFieldRules = (coupon: CouponShape, ctx: z.RefinementCtx) => {
  if (coupon.discount_type === "fixed" && !coupon.currency_code) {
    ctx.addIssue({ code: "custom", path: ["currency_code"], message: "currency_code is required for a fixed discount" })
  }
  if (coupon.discount_type === "percentage" && coupon.discount_value !== undefined && (coupon.discount_value <= 0 || coupon.discount_value > 100)) {
    ctx.addIssue({ code: "custom", path: ["discount_value"], message: "discount_value of a percentage must be above 0 and at most 100" })
  }
  if (coupon.discount_type === "fixed" && coupon.discount_value !== undefined && coupon.discount_value <= 0) {
    ctx.addIssue({ code: "custom", path: ["discount_value"], message: "discount_value of a fixed discount must be above 0" })
  }
  if (coupon.starts_at && coupon.ends_at && coupon.ends_at <= coupon.starts_at) {
    ctx.addIssue({ code: "custom", path: ["ends_at"], message: "ends_at must be after starts_at" })
  }
}

export const AdminCreateCoupon = z
  .object({
    ...couponFields,
    status: couponFields.status.optional(),
    target: couponFields.target.optional(),
    discount_value: couponFields.discount_value.optional(),
    allowed_email_domains: couponFields.allowed_email_domains.optional(),
    sales_channel_ids: couponFields.sales_channel_ids.optional(),
    region_ids: couponFields.region_ids.optional(),
    currency_codes: couponFields.currency_codes.optional(),
    combinable: couponFields.combinable.optional(),
    /** the coupon's single shared code, created in the same call */
    code: couponCodeText.optional(),
    code_usage_limit: z.number().int().min(1).nullable().optional(),
  })
  .strict()
  .superRefine(crossFieldRules)
  .transform((coupon) => ({
    ...coupon,
    // free shipping takes the whole shipping price: the value is not the admin's to set
    discount_value: coupon.discount_type === "free_shipping" ? 0 : coupon.discount_value ?? 0,
    target: coupon.discount_type === "free_shipping" ? ("shipping" as const) : coupon.target,
  }))
export type AdminCreateCouponType = z.infer<typeof AdminCreateCoupon>

export const AdminUpdateCoupon = z
  .object(couponFields)
  .partial()
  .strict()
  .superRefine(crossFieldRules)
export type AdminUpdateCouponType = z.infer<typeof AdminUpdateCoupon>

const oneOrMany = <T extends z.ZodTypeAny>(schema: T) =>
  z.union([schema, z.array(schema)]).transform((value) => (Array.isArray(value) ? value : [value]))

export const AdminGetCouponParams = createSelectParams()

export const AdminGetCouponsParams = createFindParams({ limit: 20, offset: 0 }).extend({
  q: z.string().trim().max(100).optional(),
  status: oneOrMany(z.enum(COUPON_STATUSES)).optional(),
  discount_type: oneOrMany(z.enum(DISCOUNT_TYPES)).optional(),
  /** active now / not started yet / ended */
  state: z.enum(["active", "scheduled", "expired"]).optional(),
})
export type AdminGetCouponsParamsType = z.infer<typeof AdminGetCouponsParams>
