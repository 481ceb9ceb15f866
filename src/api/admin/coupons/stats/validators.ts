import { z } from "@medusajs/framework/zod"
import { fromParam, toParam } from "../common-validators"

const windowCheck = (params: { from?: Date; to?: Date }, ctx: z.RefinementCtx) => {
  if (params.from && params.to && params.to <= params.from) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "to must be after from" })
  }
}

/** `from` inclusive; `to` exclusive, where a bare date means through that day (UTC). */
export const AdminGetCouponStatsParams = z.object({ from: fromParam.optional(), to: toParam.optional() }).strict().superRefine(windowCheck)
export type AdminGetCouponStatsParamsType = z.infer<typeof AdminGetCouponStatsParams>

export const AdminGetStoreCouponStatsParams = z
  .object({
    from: fromParam.optional(),
    to: toParam.optional(),
    /** how many coupons `top_coupons` lists */
    top: z.coerce.number().int().min(1).max(50).default(5),
  })
  .strict()
  .superRefine(windowCheck)
export type AdminGetStoreCouponStatsParamsType = z.infer<typeof AdminGetStoreCouponStatsParams>

export const couponStatsQueryConfig = { defaults: ["id"], isList: false }
