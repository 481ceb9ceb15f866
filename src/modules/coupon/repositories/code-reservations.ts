import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/*
 * Reservations of single-use codes (`coupon_code_reservation`, one row per
 * code). Taking one is a single conditional upsert: the row is this cart's
 * already, or free, or expired; otherwise nothing is written and the caller
 * hears `false`. Expiry is part of every check, so no job has to free a code.
 */

/** Takes (or renews) the code's reservation for the cart; false when another cart holds it. */
export const reserveCode = async (knex: Knex, codeId: string, cartId: string, minutes: number): Promise<boolean> => {
  const result = await knex.raw(
    `INSERT INTO coupon_code_reservation (id, coupon_code_id, cart_id, expires_at)
     VALUES (?, ?, ?, now() + make_interval(mins => ?::int))
     ON CONFLICT (coupon_code_id) WHERE deleted_at IS NULL
     DO UPDATE SET cart_id = excluded.cart_id, expires_at = excluded.expires_at, updated_at = now()
     WHERE coupon_code_reservation.cart_id = excluded.cart_id OR coupon_code_reservation.expires_at <= now()
     RETURNING id`,
    [generateEntityId(undefined, "cpnres"), codeId, cartId, minutes]
  )
  return result.rows.length === 1
}

/** The cart holding a live reservation of the code, or null. */
export const reservingCart = async (knex: Knex, codeId: string): Promise<string | null> => {
  const result = await knex.raw(
    `SELECT cart_id FROM coupon_code_reservation
     WHERE coupon_code_id = ? AND deleted_at IS NULL AND expires_at > now()`,
    [codeId]
  )
  return result.rows[0]?.cart_id ?? null
}

/**
 * Ends the cart's reservations of these codes (the code left the cart, or its
 * order counted it) and any expired one; returns the codes another cart still
 * holds, which the caller must not redeem.
 */
export const settleReservations = async (knex: Knex, codeIds: string[], cartId: string | null): Promise<string[]> => {
  if (!codeIds.length) {
    return []
  }
  const result = await knex.raw(
    `WITH ended AS (
       DELETE FROM coupon_code_reservation
       WHERE coupon_code_id = ANY(?::text[]) AND deleted_at IS NULL AND (cart_id = ? OR expires_at <= now())
       RETURNING coupon_code_id
     )
     -- the statement's snapshot still has the rows "ended" deletes; none of them is live and another cart's
     SELECT coupon_code_id FROM coupon_code_reservation
     WHERE coupon_code_id = ANY(?::text[]) AND deleted_at IS NULL AND expires_at > now() AND cart_id IS DISTINCT FROM ?`,
    [codeIds, cartId ?? "", codeIds, cartId]
  )
  return result.rows.map((row: { coupon_code_id: string }) => row.coupon_code_id)
}

/** Deletes the expired rows; their codes are free already. */
export const purgeExpiredReservations = async (knex: Knex): Promise<number> => {
  const result = await knex.raw(`DELETE FROM coupon_code_reservation WHERE expires_at <= now()`)
  return result.rowCount ?? 0
}
