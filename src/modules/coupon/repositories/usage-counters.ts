import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { UsagePeriod } from "../utils/period"
import { decrementPeriodUsage } from "./period-usage"

/*
 * Each counter moves with one conditional statement: the row lock it takes
 * and the limit in its WHERE clause make "check then count" one step, so two
 * checkouts can never both take the last use.
 */

/** Counts one use of the code; null when it is used up, else the code's usage_limit. */
export const incrementCodeUsage = async (knex: Knex, codeId: string): Promise<{ usage_limit: number | null } | null> => {
  const result = await knex.raw(
    `UPDATE coupon_code SET usage_count = usage_count + 1, updated_at = now()
     WHERE id = ? AND deleted_at IS NULL AND (usage_limit IS NULL OR usage_count < usage_limit)
     RETURNING usage_limit`,
    [codeId]
  )
  return (result.rows[0] as { usage_limit: number | null } | undefined) ?? null
}

/** The coupon's caps as the counting statement found them (its row is locked until commit). */
export type CouponLimits = {
  usage_limit: number | null
  usage_limit_period: UsagePeriod | null
  usage_limit_per_customer: number | null
  usage_limit_per_customer_period: UsagePeriod | null
}

/** Counts one use of the coupon; null when its total cap is reached (a periodic cap is counted per period instead). */
export const incrementCouponUsage = async (knex: Knex, couponId: string): Promise<CouponLimits | null> => {
  const result = await knex.raw(
    `UPDATE coupon SET usage_count = usage_count + 1, updated_at = now()
     WHERE id = ? AND deleted_at IS NULL AND (usage_limit IS NULL OR usage_limit_period IS NOT NULL OR usage_count < usage_limit)
     RETURNING usage_limit, usage_limit_period, usage_limit_per_customer, usage_limit_per_customer_period`,
    [couponId]
  )
  return (result.rows[0] as CouponLimits | undefined) ?? null
}

export const incrementCustomerUsage = async (knex: Knex, couponId: string, customerKey: string, limit: number | null): Promise<boolean> => {
  if (limit !== null && limit < 1) {
    return false
  }
  const result = await knex.raw(
    `INSERT INTO coupon_customer_usage (id, coupon_id, customer_key, usage_count)
     VALUES (?, ?, ?, 1)
     ON CONFLICT (coupon_id, customer_key) WHERE deleted_at IS NULL
     DO UPDATE SET usage_count = coupon_customer_usage.usage_count + 1, updated_at = now()
     WHERE ?::int IS NULL OR coupon_customer_usage.usage_count < ?::int
     RETURNING id`,
    [generateEntityId(undefined, "cpncu"), couponId, customerKey, limit, limit]
  )
  return result.rows.length === 1
}

export const decrementCounters = async (
  knex: Knex,
  row: { id: string; coupon_id: string; coupon_code_id: string; customer_keys: string[] }
): Promise<void> => {
  await decrementPeriodUsage(knex, row.id)
  await knex.raw(
    `UPDATE coupon_code SET usage_count = usage_count - 1, updated_at = now()
     WHERE id = ? AND usage_count > 0`,
    [row.coupon_code_id]
  )
  await knex.raw(
    `UPDATE coupon SET usage_count = usage_count - 1, updated_at = now()
     WHERE id = ? AND usage_count > 0`,
    [row.coupon_id]
  )
  if (row.customer_keys.length) {
    await knex.raw(
      `UPDATE coupon_customer_usage SET usage_count = usage_count - 1, updated_at = now()
       WHERE coupon_id = ? AND customer_key = ANY(?::text[]) AND deleted_at IS NULL AND usage_count > 0`,
      [row.coupon_id, row.customer_keys]
    )
  }
}
