import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { UsagePeriod } from "../utils/period"

/** The coupon-wide counter's scope key; per-customer counters use the customer key. */
export const COUPON_SCOPE = "*"

/** One period counter a redemption incremented: kept on the ledger row, given back exactly. */
export type PeriodCount = { scope_key: string; period: UsagePeriod; period_start: string }

/** Counts one use in the period unless it already holds `limit`; false when it does. */
export const incrementPeriodUsage = async (knex: Knex, couponId: string, count: PeriodCount, limit: number): Promise<boolean> => {
  const result = await knex.raw(
    `INSERT INTO coupon_period_usage (id, coupon_id, scope_key, period, period_start, usage_count)
     SELECT ?, ?, ?, ?, ?, 1 WHERE ?::int >= 1
     ON CONFLICT (coupon_id, scope_key, period, period_start) WHERE deleted_at IS NULL
     DO UPDATE SET usage_count = coupon_period_usage.usage_count + 1, updated_at = now()
     WHERE coupon_period_usage.usage_count < ?::int
     RETURNING id`,
    [generateEntityId(undefined, "cpnpu"), couponId, count.scope_key, count.period, count.period_start, limit, limit]
  )
  return result.rows.length === 1
}

/** The highest count among these scopes in one period (a shopper known by account and email counts as one). */
export const periodUsage = async (
  knex: Knex,
  couponId: string,
  scopeKeys: string[],
  period: UsagePeriod,
  periodStart: string
): Promise<number> => {
  if (!scopeKeys.length) {
    return 0
  }
  const result = await knex.raw(
    `SELECT coalesce(max(usage_count), 0)::int AS n FROM coupon_period_usage
     WHERE coupon_id = ? AND scope_key = ANY(?::text[]) AND period = ? AND period_start = ? AND deleted_at IS NULL`,
    [couponId, scopeKeys, period, periodStart]
  )
  return result.rows[0].n
}

/** Gives back the period counts a ledger row took (its `period_counts`). */
export const decrementPeriodUsage = async (knex: Knex, redemptionId: string): Promise<void> => {
  await knex.raw(
    `UPDATE coupon_period_usage p SET usage_count = p.usage_count - 1, updated_at = now()
     FROM coupon_redemption r, jsonb_array_elements(coalesce(r.period_counts, '[]'::jsonb)) AS c(entry)
     WHERE r.id = ? AND p.coupon_id = r.coupon_id AND p.scope_key = c.entry->>'scope_key'
       AND p.period = c.entry->>'period' AND p.period_start = c.entry->>'period_start'
       AND p.deleted_at IS NULL AND p.usage_count > 0`,
    [redemptionId]
  )
}

export const recordPeriodCounts = async (knex: Knex, redemptionId: string, counts: PeriodCount[]): Promise<void> => {
  if (counts.length) {
    await knex.raw(`UPDATE coupon_redemption SET period_counts = ?::jsonb WHERE id = ?`, [JSON.stringify(counts), redemptionId])
  }
}
