import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** Records that a customer was logged in on a request touching the cart; a repeat changes nothing. */
export const insertCartShopper = async (knex: Knex, cartId: string, customerId: string): Promise<void> => {
  await knex.raw(
    `INSERT INTO coupon_cart_shopper (id, cart_id, customer_id) VALUES (?, ?, ?)
     ON CONFLICT (cart_id, customer_id) WHERE deleted_at IS NULL DO NOTHING`,
    [generateEntityId(undefined, "cpncs"), cartId, customerId]
  )
}

/** Whether the customer was ever logged in on a request touching the cart. */
export const hasCartShopper = async (knex: Knex, cartId: string, customerId: string): Promise<boolean> => {
  const found = await knex.raw(`SELECT 1 FROM coupon_cart_shopper WHERE cart_id = ? AND customer_id = ? AND deleted_at IS NULL LIMIT 1`, [
    cartId,
    customerId,
  ])
  return found.rows.length > 0
}
