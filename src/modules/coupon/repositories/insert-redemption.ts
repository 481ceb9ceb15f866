import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { RedeemCodeInput } from "../types"

/** Inserts the ledger row; null when this order already has one for this code. */
export const insertRedemption = async (knex: Knex, input: RedeemCodeInput): Promise<string | null> => {
  const id = generateEntityId(undefined, "cpnred")
  const amount = String(input.discount_amount)
  const total = input.order_total === null || input.order_total === undefined ? null : String(input.order_total)
  const result = await knex.raw(
    `INSERT INTO coupon_redemption
       (id, code, order_id, cart_id, customer_id, email, customer_keys,
        discount_amount, raw_discount_amount, order_total, raw_order_total,
        original_discount_amount, raw_original_discount_amount, original_order_total, raw_original_order_total,
        currency_code, status, coupon_id, coupon_code_id, first_order)
     VALUES (?, ?, ?, ?, ?, ?, ?::text[], ?, ?::jsonb, ?, ?::jsonb, ?, ?::jsonb, ?, ?::jsonb, ?, 'redeemed', ?, ?, ?)
     ON CONFLICT (order_id, coupon_code_id) WHERE deleted_at IS NULL DO NOTHING
     RETURNING id`,
    [
      id,
      input.code,
      input.order_id,
      input.cart_id ?? null,
      input.customer_id ?? null,
      input.email ?? null,
      input.customer_keys,
      amount,
      JSON.stringify({ value: amount, precision: 20 }),
      total,
      total === null ? null : JSON.stringify({ value: total, precision: 20 }),
      amount,
      JSON.stringify({ value: amount, precision: 20 }),
      total,
      total === null ? null : JSON.stringify({ value: total, precision: 20 }),
      input.currency_code.toLowerCase(),
      input.coupon_id,
      input.code_id,
      input.first_order ?? null,
    ]
  )
  return result.rows[0]?.id ?? null
}
