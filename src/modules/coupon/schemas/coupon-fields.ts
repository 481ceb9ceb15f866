import { z } from "@medusajs/framework/zod"
import { buildCouponInputSchemas } from "./coupon-input"

/**
 * Every field an admin sets on a coupon, read off the input schema: the one
 * list behind what duplicate copies and what the admin routes answer by
 * default, so a new field cannot be left out of either.
 */
export const COUPON_INPUT_FIELDS: readonly string[] = Object.keys(buildCouponInputSchemas(z).updateCoupon.shape)
