import { model } from "@medusajs/framework/utils"
import { USAGE_PERIODS } from "../utils/period"

/**
 * Redemptions of a coupon in one calendar period (the store's `time_zone`), for
 * the coupon (`scope_key` "*") or one customer key, so that a periodic cap is
 * one conditional upsert, like the other counters. A new period starts a new row.
 */
export const CouponPeriodUsage = model
  .define("coupon_period_usage", {
    id: model.id({ prefix: "cpnpu" }).primaryKey(),
    coupon_id: model.text(),
    scope_key: model.text(),
    period: model.enum([...USAGE_PERIODS]),
    /** the period's first local day, YYYY-MM-DD */
    period_start: model.text(),
    usage_count: model.number().default(0),
  })
  .indexes([
    {
      name: "IDX_coupon_period_usage_unique",
      on: ["coupon_id", "scope_key", "period", "period_start"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
  .checks([{ name: "coupon_period_usage_count_check", expression: (c) => `${c.usage_count} >= 0` }])
