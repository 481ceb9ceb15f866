import { MedusaError } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { NewCouponCode } from "../types"
import { bulkEntityIds } from "../utils/bulk-ids"

const CHUNK = 5_000

const chunks = <T>(items: T[], size = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

/** The given codes (normalized) that a live code already uses. */
export const findLiveCodes = async (knex: Knex, codes: string[]): Promise<string[]> => {
  const found: string[] = []
  for (const part of chunks(codes)) {
    const result = await knex.raw(`SELECT code FROM coupon_code WHERE code = ANY(?::text[]) AND deleted_at IS NULL`, [part])
    found.push(...result.rows.map((row: { code: string }) => row.code))
  }
  return found
}

/**
 * Inserts named codes into one coupon, all or nothing in the caller's
 * transaction: a code that another request stored meanwhile makes the whole
 * call throw a 422 naming it, and the transaction rolls back every chunk.
 */
export const insertCodes = async (knex: Knex, couponId: string, codes: NewCouponCode[]): Promise<{ id: string; code: string }[]> => {
  const created: { id: string; code: string }[] = []
  for (const part of chunks(codes)) {
    const result = await knex.raw(
      `INSERT INTO coupon_code (id, code, coupon_id, usage_limit, expires_at, assigned_email, status)
       SELECT t.id, t.code, ?, t.usage_limit, t.expires_at, t.assigned_email, t.status
       FROM unnest(?::text[], ?::text[], ?::int[], ?::timestamptz[], ?::text[], ?::text[])
         AS t(id, code, usage_limit, expires_at, assigned_email, status)
       ON CONFLICT (code) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id, code`,
      [
        couponId,
        bulkEntityIds("cpncode", part.length),
        part.map((code) => code.code),
        part.map((code) => code.usage_limit ?? null),
        part.map((code) => (code.expires_at ? new Date(code.expires_at).toISOString() : null)),
        part.map((code) => code.assigned_email ?? null),
        part.map((code) => code.status ?? "active"),
      ] as Knex.Value[]
    )
    created.push(...result.rows)
    if (result.rows.length < part.length) {
      const stored = new Set(result.rows.map((row: { code: string }) => row.code))
      const taken = part.map((code) => code.code).filter((code) => !stored.has(code))
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `Codes already exist: ${taken.slice(0, 50).join(", ")}`)
    }
  }
  return created
}

/**
 * Takes back codes a compensated step created. A soft delete, like every
 * other removal of codes: it frees their texts at once, and a hard delete
 * would make PostgreSQL check the ledger's foreign key row by row.
 */
export const deleteCodes = async (knex: Knex, ids: string[]): Promise<void> => {
  for (const part of chunks(ids)) {
    await knex.raw(
      `UPDATE coupon_code SET deleted_at = now(), updated_at = now()
       WHERE id = ANY(?::text[]) AND deleted_at IS NULL AND usage_count = 0`,
      [part]
    )
  }
}
