import { MedusaError } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { CHARSETS, CharsetName } from "../codes/charsets"
import { parsePattern } from "../codes/pattern"
import { createCodeSource } from "../codes/random-codes"
import { bulkEntityIdsJoined } from "../utils/bulk-ids"

/** What a batch row keeps in `settings`: everything needed to go on after a restart. */
export type CodeBatchSettings = {
  pattern: string
  charset: CharsetName
  usage_limit: number | null
  expires_at: string | null
  /** stored as digests, plain codes kept for one download (hash_codes, single-use codes) */
  hashed?: boolean
}

export type CodeBatchProgress = {
  id: string
  status: "pending" | "running" | "completed" | "failed"
  requested_count: number
  generated_count: number
}

/** Draws for one chunk before the pattern is declared exhausted (the entropy guard makes this unreachable in practice). */
const MAX_DRAWS_PER_CHUNK = 20

/** Marks a pending or running batch as running (a heartbeat too); null when it is finished or unknown. */
export const claimBatch = async (knex: Knex, id: string): Promise<CodeBatchProgress | null> => {
  const result = await knex.raw(
    `UPDATE coupon_code_batch SET status = 'running', updated_at = now()
     WHERE id = ? AND deleted_at IS NULL AND status IN ('pending', 'running')
     RETURNING id, status, requested_count, generated_count`,
    [id]
  )
  return result.rows[0] ?? null
}

/**
 * Adds up to `chunkSize` codes to a running batch in the caller's
 * transaction. The batch row is locked first, so that two runners of the
 * same batch (a resumed one and a slow one) take turns and never overshoot
 * `requested_count`; a code that collides with any live code is skipped by
 * the unique index and replaced by a fresh draw. `generated_count` moves in
 * the same transaction as the rows, so it always equals the codes stored.
 */
export const fillBatchChunk = async (
  knex: Knex,
  id: string,
  chunkSize: number,
  hasher: ((code: string) => string) | null = null
): Promise<CodeBatchProgress> => {
  const locked = await knex.raw(
    `SELECT b.id, b.coupon_id, b.status, b.requested_count, b.generated_count, b.settings,
            c.deleted_at IS NOT NULL AS coupon_deleted
     FROM coupon_code_batch b JOIN coupon c ON c.id = b.coupon_id
     WHERE b.id = ? AND b.deleted_at IS NULL FOR UPDATE OF b`,
    [id]
  )
  const batch = locked.rows[0]
  if (!batch) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Coupon code batch with id: ${id} was not found`)
  }
  if (batch.coupon_deleted && batch.status === "running") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Coupon ${batch.coupon_id} was deleted while its codes were being generated`)
  }
  const wanted = Math.min(chunkSize, batch.requested_count - batch.generated_count)
  if (batch.status !== "running" || wanted <= 0) {
    const { id: batchId, status, requested_count, generated_count } = batch
    return { id: batchId, status, requested_count, generated_count }
  }
  const settings = batch.settings as CodeBatchSettings
  const source = createCodeSource(parsePattern(settings.pattern, CHARSETS[settings.charset]))
  let inserted = 0
  for (let draw = 0; inserted < wanted; draw++) {
    if (draw === MAX_DRAWS_PER_CHUNK) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `pattern "${settings.pattern}" has run out of free codes after ${batch.generated_count + inserted} codes`
      )
    }
    const count = wanted - inserted
    if (settings.hashed) {
      if (!hasher) {
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `batch ${id} stores hashed codes but no hash key is set`)
      }
      inserted += await insertHashedCodes(knex, batch.coupon_id, id, settings, source.joined(count, ",").split(","), hasher)
      continue
    }
    // ids and codes travel as two comma-joined strings (neither contains a comma): no per-code strings in memory
    const result = await knex.raw(
      `INSERT INTO coupon_code (id, code, coupon_id, batch_id, usage_limit, expires_at)
       SELECT t.id, t.code, ?, ?, ?::int, ?::timestamptz
       FROM unnest(string_to_array(?::text, ','), string_to_array(?::text, ',')) AS t(id, code)
       ON CONFLICT (code) WHERE deleted_at IS NULL DO NOTHING`,
      [
        batch.coupon_id,
        id,
        settings.usage_limit,
        settings.expires_at,
        bulkEntityIdsJoined("cpncode", count, ","),
        source.joined(count, ","),
      ]
    )
    inserted += result.rowCount ?? 0
  }
  const updated = await knex.raw(
    `UPDATE coupon_code_batch
     SET generated_count = generated_count + ?::int,
         status = CASE WHEN generated_count + ?::int >= requested_count THEN 'completed' ELSE status END,
         completed_at = CASE WHEN generated_count + ?::int >= requested_count THEN now() ELSE completed_at END,
         updated_at = now()
     WHERE id = ?
     RETURNING id, status, requested_count, generated_count`,
    [inserted, inserted, inserted, id]
  )
  return updated.rows[0]
}

/**
 * Stores the digests (and last four characters) of a chunk of codes, and the
 * plain codes that made it in, kept for the batch's download (see code-reveals.ts).
 */
const insertHashedCodes = async (
  knex: Knex,
  couponId: string,
  batchId: string,
  settings: CodeBatchSettings,
  codes: string[],
  hasher: (code: string) => string
): Promise<number> => {
  const plainOf = new Map(codes.map((code) => [hasher(code), code]))
  const digests = [...plainOf.keys()]
  const result = await knex.raw(
    `INSERT INTO coupon_code (id, code, code_last4, coupon_id, batch_id, usage_limit, expires_at)
     SELECT t.id, t.code, right(t.plain, 4), ?, ?, ?::int, ?::timestamptz
     FROM unnest(string_to_array(?::text, ','), ?::text[], ?::text[]) AS t(id, code, plain)
     ON CONFLICT (code) WHERE deleted_at IS NULL DO NOTHING
     RETURNING code`,
    [
      couponId,
      batchId,
      settings.usage_limit,
      settings.expires_at,
      bulkEntityIdsJoined("cpncode", digests.length, ","),
      digests,
      digests.map((digest) => plainOf.get(digest)!),
    ] as never
  )
  const stored = (result.rows as { code: string }[]).map((row) => plainOf.get(row.code)!)
  if (stored.length) {
    await knex.raw(
      `INSERT INTO coupon_code_reveal (id, batch_id, code)
       SELECT t.id, ?, t.code FROM unnest(string_to_array(?::text, ','), ?::text[]) AS t(id, code)`,
      [batchId, bulkEntityIdsJoined("cpnrev", stored.length, ","), stored] as never
    )
  }
  return stored.length
}

export const failBatch = async (knex: Knex, id: string, message: string): Promise<void> => {
  await knex.raw(
    `UPDATE coupon_code_batch SET status = 'failed', error = ?, updated_at = now()
     WHERE id = ? AND status <> 'completed'`,
    [message.slice(0, 2000), id]
  )
}

/**
 * Undoes a failed batch: its codes that were never redeemed are soft-deleted
 * (their texts become free) and the batch is left `failed` with the count of
 * codes that had to stay because a shopper already used them.
 */
export const discardBatchCodes = async (knex: Knex, id: string, message: string | null): Promise<void> => {
  await knex.raw(
    `UPDATE coupon_code SET deleted_at = now(), updated_at = now()
     WHERE batch_id = ? AND deleted_at IS NULL AND usage_count = 0
       AND NOT EXISTS (SELECT 1 FROM coupon_redemption r WHERE r.coupon_code_id = coupon_code.id)`,
    [id]
  )
  await knex.raw(
    `UPDATE coupon_code_batch
     SET status = 'failed', error = COALESCE(?, error), updated_at = now(),
         generated_count = (SELECT count(*) FROM coupon_code c WHERE c.batch_id = ? AND c.deleted_at IS NULL)
     WHERE id = ?`,
    [message, id, id]
  )
}

/** Batches left pending or running by a process that stopped: no heartbeat for `staleSeconds`. */
export const listStaleBatches = async (knex: Knex, staleSeconds: number): Promise<string[]> => {
  const result = await knex.raw(
    `SELECT id FROM coupon_code_batch
     WHERE deleted_at IS NULL AND status IN ('pending', 'running')
       AND updated_at < now() - make_interval(secs => ?::int)
     ORDER BY created_at LIMIT 100`,
    [staleSeconds]
  )
  return result.rows.map((row: { id: string }) => row.id)
}
