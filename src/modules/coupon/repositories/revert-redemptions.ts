import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { RevertRedemptionsInput, RevertedRedemption } from "../types"
import { recordStatsChange, snapshotOrders } from "./stats-rollups"
import { decrementCounters } from "./usage-counters"

/**
 * Claims the rows not yet reverted with one statement (so a concurrent second
 * revert finds none), then gives back the usage of those whose usage is still
 * counted (a full return may have given it back already).
 */
export const revertRedemptionRows = async (
  knex: Knex,
  { order_id, redemption_ids, remove }: RevertRedemptionsInput
): Promise<RevertedRedemption[]> => {
  if (!order_id && !redemption_ids?.length) {
    return []
  }
  const filter = order_id ? "order_id = ?" : "id = ANY(?::text[])"
  const binding = order_id ?? redemption_ids!
  const orderIds = order_id
    ? [order_id]
    : (
        (await knex.raw(`SELECT DISTINCT order_id FROM coupon_redemption WHERE id = ANY(?::text[])`, [redemption_ids!])).rows as {
          order_id: string
        }[]
      ).map((row) => row.order_id)
  const statsBefore = await snapshotOrders(knex, orderIds)
  const claim = remove
    ? `DELETE FROM coupon_redemption WHERE ${filter} AND status <> 'reverted' AND deleted_at IS NULL
       RETURNING id, coupon_id, coupon_code_id, code, order_id, customer_keys, usage_released_at IS NULL AS counted`
    : `WITH previous AS (
         SELECT id, usage_released_at FROM coupon_redemption
         WHERE ${filter} AND status <> 'reverted' AND deleted_at IS NULL ORDER BY coupon_code_id FOR UPDATE
       )
       UPDATE coupon_redemption r SET status = 'reverted', reverted_at = now(), updated_at = now(),
         usage_released_at = coalesce(r.usage_released_at, now())
       FROM previous WHERE r.id = previous.id
       RETURNING r.id, r.coupon_id, r.coupon_code_id, r.code, r.order_id, r.customer_keys, previous.usage_released_at IS NULL AS counted`
  const result = await knex.raw(claim, [binding])
  const rows = result.rows as (RevertedRedemption & { customer_keys: string[]; counted: boolean })[]
  for (const row of [...rows].sort((a, b) => a.coupon_code_id.localeCompare(b.coupon_code_id))) {
    if (row.counted) {
      await decrementCounters(knex, row)
    }
  }
  await recordStatsChange(knex, statsBefore)
  return rows.map(({ customer_keys: _keys, counted: _counted, ...row }) => row)
}
