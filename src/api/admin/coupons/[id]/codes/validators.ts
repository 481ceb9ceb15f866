import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { CODE_STATUSES } from "../../../../../modules/coupon/constants"
import { booleanParam, emailText, oneOrMany, pagingParams, storableDate } from "../../common-validators"
import { couponCodeText } from "../../validators"

export const MAX_CODES_PER_REQUEST = 1_000

const ORDERABLE_CODE_FIELDS = [
  "code",
  "status",
  "usage_count",
  "usage_limit",
  "expires_at",
  "assigned_email",
  "assigned_at",
  "created_at",
  "updated_at",
] as const

export const AdminGetCouponCodesParams = createFindParams({ limit: 50, offset: 0 }).extend({
  ...pagingParams({ limit: 50, orderable: ORDERABLE_CODE_FIELDS }),
  /** part of the code, any case */
  q: z.string().trim().max(64).optional(),
  status: oneOrMany(z.enum(CODE_STATUSES)).optional(),
  /** true: redeemed at least once; false: never */
  used: booleanParam.optional(),
  batch_id: z.string().trim().max(100).optional(),
  distribution_id: z.string().trim().max(100).optional(),
  /** true: handed to a customer or email; false: free */
  assigned: booleanParam.optional(),
})
export type AdminGetCouponCodesParamsType = z.infer<typeof AdminGetCouponCodesParams>

export const AdminGetCouponCodeParams = createSelectParams()

const usageLimit = z.number().int().min(1).max(2_000_000_000).nullable()

const NewCouponCode = z
  .object({
    code: couponCodeText,
    usage_limit: usageLimit.optional(),
    expires_at: storableDate.nullable().optional(),
    assigned_email: emailText.nullable().optional(),
  })
  .strict()

export const AdminCreateCouponCodes = z
  .object({ codes: z.array(NewCouponCode).min(1, "give at least one code").max(MAX_CODES_PER_REQUEST) })
  .strict()
  .superRefine((body, ctx) => {
    const counts = new Map<string, number>()
    for (const { code } of body.codes) {
      counts.set(code, (counts.get(code) ?? 0) + 1)
    }
    const repeated = [...counts].filter(([, count]) => count > 1).map(([code]) => code)
    if (repeated.length) {
      ctx.addIssue({ code: "custom", path: ["codes"], message: `codes appear more than once in the request: ${repeated.join(", ")}` })
    }
  })
export type AdminCreateCouponCodesType = z.infer<typeof AdminCreateCouponCodes>

export const AdminUpdateCouponCode = z
  .object({
    status: z.enum(CODE_STATUSES).optional(),
    usage_limit: usageLimit.optional(),
    expires_at: storableDate.nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "give at least one of status, usage_limit, expires_at")
export type AdminUpdateCouponCodeType = z.infer<typeof AdminUpdateCouponCode>

/** The import body: the CSV file's text (header row required). */
export const AdminImportCouponCodes = z.object({ csv: z.string().min(1, "csv is empty") }).strict()
export type AdminImportCouponCodesType = z.infer<typeof AdminImportCouponCodes>
