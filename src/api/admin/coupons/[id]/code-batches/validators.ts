import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { CHARSET_NAMES, type CharsetName } from "../../../../../modules/coupon/codes/charsets"
import { MAX_CODE_LENGTH } from "../../../../../modules/coupon/codes/normalize"
import { patternHasPlaceholder } from "../../../../../modules/coupon/codes/pattern"
import { pagingParams, storableDate } from "../../common-validators"

export const MAX_BATCH_CODES = 1_000_000

const affix = z.string().trim().min(1).max(30)

export const AdminCreateCouponCodeBatch = z
  .object({
    count: z.number().int().min(1).max(MAX_BATCH_CODES),
    prefix: affix
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "must start with a letter or digit and contain only letters, digits, - and _")
      .optional(),
    suffix: affix
      .regex(/^[A-Za-z0-9_-]*[A-Za-z0-9]$/, "must end with a letter or digit and contain only letters, digits, - and _")
      .optional(),
    /** random characters between prefix and suffix */
    length: z.number().int().min(4).max(MAX_CODE_LENGTH).optional(),
    charset: z.enum(CHARSET_NAMES as [CharsetName, ...CharsetName[]]).optional(),
    /** # digit, ? letter, * a character of the charset; other characters are kept: "SUMMER-####-????" */
    pattern: z
      .string()
      .trim()
      .min(1)
      .max(MAX_CODE_LENGTH)
      .regex(/^[A-Za-z0-9_#?*-]+$/, "may only contain letters, digits, -, _ and the placeholders # ? *")
      .optional(),
    /** redemptions per code; null for unlimited */
    usage_limit: z.number().int().min(1).max(2_000_000_000).nullable().default(1),
    expires_at: storableDate.nullable().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.pattern && body.length) {
      ctx.addIssue({ code: "custom", path: ["length"], message: "length cannot be combined with pattern (the pattern sets the length)" })
    }
    if (body.pattern && !patternHasPlaceholder(body.pattern)) {
      ctx.addIssue({
        code: "custom",
        path: ["pattern"],
        message: "pattern needs at least one placeholder (# digit, ? letter, * any character)",
      })
    }
    const bodyLength = body.pattern?.length ?? body.length ?? 0
    const total = (body.prefix?.length ?? 0) + bodyLength + (body.suffix?.length ?? 0)
    if (total > MAX_CODE_LENGTH) {
      ctx.addIssue({
        code: "custom",
        path: ["pattern"],
        message: `prefix, code and suffix make ${total} characters; codes have at most ${MAX_CODE_LENGTH}`,
      })
    }
    if (body.expires_at && body.expires_at.getTime() <= Date.now()) {
      ctx.addIssue({ code: "custom", path: ["expires_at"], message: "expires_at must be in the future" })
    }
  })
export type AdminCreateCouponCodeBatchType = z.infer<typeof AdminCreateCouponCodeBatch>

export const AdminGetCouponCodeBatchParams = createSelectParams()

export const AdminGetCouponCodeBatchesParams = createFindParams({ limit: 20, offset: 0 }).extend({
  ...pagingParams({ limit: 20, maxLimit: 100, orderable: ["created_at"] as const }),
})
export type AdminGetCouponCodeBatchesParamsType = z.infer<typeof AdminGetCouponCodeBatchesParams>
