import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { RedemptionAfterCheckout } from "../ledger/redemption-after-checkout"
import type { AdjustedRedemption, OrderRedemptionRow } from "../types"
import { decrementCounters } from "./usage-counters"

const raw = (value: number) => JSON.stringify({ value: String(value), precision: 20 })

/** The order's redemptions not yet reverted, locked until the transaction ends (one adjustment of an order at a time). */
export const lockOrderRedemptions = async (knex: Knex, orderId: string): Promise<OrderRedemptionRow[]> => {
  const result = await knex.raw(
    `SELECT id, coupon_id, coupon_code_id, code, order_id, status, currency_code
     FROM coupon_redemption WHERE order_id = ? AND status <> 'reverted' AND deleted_at IS NULL
     ORDER BY coupon_code_id FOR UPDATE`,
    [orderId]
  )
  return result.rows
}

/**
 * Writes what a redemption now is; a row already so is left alone (null). Usage goes
 * back at most once: the row keeps when it did. Amounts at checkout are kept in the
 * `original_` columns, taken from the row itself the first time it changes.
 */
export const adjustRedemptionRow = async (knex: Knex, id: string, next: RedemptionAfterCheckout): Promise<AdjustedRedemption | null> => {
  const result = await knex.raw(
    `WITH previous AS (
       SELECT id, status, discount_amount, returned_discount_amount, refunded_amount, order_total, usage_released_at
       FROM coupon_redemption WHERE id = ? AND status <> 'reverted' AND deleted_at IS NULL FOR UPDATE
     )
     UPDATE coupon_redemption r SET
       original_discount_amount = coalesce(r.original_discount_amount, r.discount_amount),
       raw_original_discount_amount = coalesce(r.raw_original_discount_amount, r.raw_discount_amount),
       original_order_total = coalesce(r.original_order_total, r.order_total),
       raw_original_order_total = coalesce(r.raw_original_order_total, r.raw_order_total),
       discount_amount = ?, raw_discount_amount = ?::jsonb,
       returned_discount_amount = ?, raw_returned_discount_amount = ?::jsonb,
       refunded_amount = ?, raw_refunded_amount = ?::jsonb,
       order_total = ?, raw_order_total = ?::jsonb,
       status = ?,
       reverted_at = CASE WHEN ? = 'reverted' THEN now() ELSE r.reverted_at END,
       usage_released_at = CASE WHEN ?::boolean THEN coalesce(r.usage_released_at, now()) ELSE r.usage_released_at END,
       updated_at = now()
     FROM previous
     WHERE r.id = previous.id AND (
       previous.status IS DISTINCT FROM ? OR previous.discount_amount IS DISTINCT FROM ?::numeric
       OR previous.returned_discount_amount IS DISTINCT FROM ?::numeric OR previous.refunded_amount IS DISTINCT FROM ?::numeric
       OR previous.order_total IS DISTINCT FROM ?::numeric OR (?::boolean AND previous.usage_released_at IS NULL)
     )
     RETURNING r.id, r.coupon_id, r.coupon_code_id, r.code, r.order_id, r.customer_keys, r.status, r.currency_code,
       previous.status AS previous_status, previous.discount_amount AS previous_discount_amount,
       (?::boolean AND previous.usage_released_at IS NULL) AS released_usage`,
    [
      id,
      next.discount_amount,
      raw(next.discount_amount),
      next.returned_discount_amount,
      raw(next.returned_discount_amount),
      next.refunded_amount,
      raw(next.refunded_amount),
      next.order_total,
      raw(next.order_total),
      next.status,
      next.status,
      next.release_usage,
      next.status,
      next.discount_amount,
      next.returned_discount_amount,
      next.refunded_amount,
      next.order_total,
      next.release_usage,
      next.release_usage,
    ]
  )
  const row = result.rows[0] as (AdjustedRedemption & { customer_keys: string[] }) | undefined
  if (!row) {
    return null
  }
  if (row.released_usage) {
    await decrementCounters(knex, row)
  }
  const { customer_keys: _keys, ...adjusted } = row
  return {
    ...adjusted,
    previous_discount_amount: Number(row.previous_discount_amount),
    discount_amount: next.discount_amount,
    returned_discount_amount: next.returned_discount_amount,
    refunded_amount: next.refunded_amount,
    order_total: next.order_total,
  }
}
