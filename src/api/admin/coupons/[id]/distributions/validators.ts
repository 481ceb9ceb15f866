import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { emailText, pagingParams } from "../../common-validators"

export const MAX_DISTRIBUTION_EMAILS = 10_000

export const AdminCreateCouponDistribution = z
  .object({
    emails: z.array(emailText).min(1, "give at least one email").max(MAX_DISTRIBUTION_EMAILS).optional(),
    customer_group_id: z.string().trim().min(1).max(100).optional(),
    /** hand out codes of this batch only */
    batch_id: z.string().trim().min(1).max(100).optional(),
    /** each code expires this many days after the hand-out (or at its own earlier expiry) */
    valid_for_days: z.number().int().min(1).max(3650).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!!body.emails === !!body.customer_group_id) {
      ctx.addIssue({ code: "custom", path: ["emails"], message: "give either emails or customer_group_id" })
    }
  })
export type AdminCreateCouponDistributionType = z.infer<typeof AdminCreateCouponDistribution>

export const AdminGetCouponDistributionsParams = createFindParams({ limit: 20, offset: 0 }).extend({
  ...pagingParams({ limit: 20, orderable: ["created_at", "assigned_count"] as const }),
})
export type AdminGetCouponDistributionsParamsType = z.infer<typeof AdminGetCouponDistributionsParams>
