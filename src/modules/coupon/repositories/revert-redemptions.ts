import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { RevertRedemptionsInput, RevertedRedemption } from "../types"
import { decrementCounters } from "./usage-counters"

/**
 * Claims the still-counted rows with one statement (so a concurrent second
 * revert finds none), then gives their usage back.
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
  const claim = remove
    ? `DELETE FROM coupon_redemption WHERE ${filter} AND status = 'redeemed' AND deleted_at IS NULL`
    : `UPDATE coupon_redemption SET status = 'reverted', reverted_at = now(), updated_at = now()
       WHERE ${filter} AND status = 'redeemed' AND deleted_at IS NULL`
  const result = await knex.raw(`${claim} RETURNING id, coupon_id, coupon_code_id, code, order_id, customer_keys`, [binding])
  const rows = result.rows as (RevertedRedemption & { customer_keys: string[] })[]
  for (const row of [...rows].sort((a, b) => a.coupon_code_id.localeCompare(b.coupon_code_id))) {
    await decrementCounters(knex, row)
  }
  return rows.map(({ customer_keys: _keys, ...row }) => row)
}
