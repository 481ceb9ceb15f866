import { z } from "@medusajs/framework/zod"

const code = z.string().trim().min(1, "code is required").max(64, "code is at most 64 characters")

export const StoreValidateCoupon = z
  .object({
    code,
    cart_id: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
export type StoreValidateCouponType = z.infer<typeof StoreValidateCoupon>

export const StoreApplyCoupon = z.object({ code }).strict()
export type StoreApplyCouponType = z.infer<typeof StoreApplyCoupon>
