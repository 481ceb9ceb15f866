import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * The plain codes of a hashed batch (`coupon_code_reveal`). Reading never
 * deletes: a download that never reached the admin (a dropped connection, a
 * closed tab) can simply be repeated. They go when the admin confirms receipt
 * or when the batch's download window has passed.
 */

/** The plain codes of a batch, sorted, so that every download is the same file. */
export const readRevealedCodes = async (knex: Knex, batchId: string): Promise<string[]> => {
  const result = await knex.raw(`SELECT code FROM coupon_code_reveal WHERE batch_id = ? ORDER BY code`, [batchId])
  return (result.rows as { code: string }[]).map((row) => row.code)
}

/** Deletes a batch's plain codes (receipt confirmed); the number deleted. */
export const forgetRevealedCodes = async (knex: Knex, batchId: string): Promise<number> => {
  const result = await knex.raw(`DELETE FROM coupon_code_reveal WHERE batch_id = ?`, [batchId])
  return result.rowCount ?? 0
}

/** Which of the given batches still keep plain codes. */
export const batchesWithRevealedCodes = async (knex: Knex, batchIds: string[]): Promise<Set<string>> => {
  if (!batchIds.length) {
    return new Set()
  }
  const result = await knex.raw(
    `SELECT b.id FROM unnest(?::text[]) AS b(id)
     WHERE EXISTS (SELECT 1 FROM coupon_code_reveal r WHERE r.batch_id = b.id)`,
    [batchIds] as never
  )
  return new Set((result.rows as { id: string }[]).map((row) => row.id))
}

/**
 * Deletes the plain codes of batches completed more than `retentionSeconds`
 * ago, and of failed or deleted batches (never downloadable); the number deleted.
 */
export const purgeRevealedCodes = async (knex: Knex, retentionSeconds: number): Promise<number> => {
  const result = await knex.raw(
    `DELETE FROM coupon_code_reveal r
     USING coupon_code_batch b
     WHERE r.batch_id = b.id
       AND (b.deleted_at IS NOT NULL
            OR b.status = 'failed'
            OR (b.status = 'completed' AND b.completed_at < now() - make_interval(secs => ?::int)))`,
    [retentionSeconds]
  )
  return result.rowCount ?? 0
}
