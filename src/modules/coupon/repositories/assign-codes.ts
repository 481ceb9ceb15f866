import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { CodeAssignment, DistributeCodesInput, ExpiryBeforeAssignment, Recipient } from "../types"

const sameRecipient = (a: Recipient, b: { email: string | null; customer_id: string | null }) =>
  (!!a.customer_id && a.customer_id === b.customer_id) || (!!a.email && a.email === b.email)

/**
 * Hands one unused, unassigned code to each recipient, all or nothing.
 * Distributions of one coupon take turns (a transaction advisory lock), so a
 * recipient who got a code from another run is seen and skipped; the codes are
 * picked FOR UPDATE SKIP LOCKED, so a code being redeemed right now is passed
 * over, and no code can go to two people.
 */
export const assignCodes = async (
  knex: Knex,
  input: DistributeCodesInput
): Promise<{ distribution_id: string; assignments: CodeAssignment[]; skipped: Recipient[]; expiry_before: ExpiryBeforeAssignment[] }> => {
  await knex.raw(`SELECT pg_advisory_xact_lock(hashtext('coupon_distribution:' || ?))`, [input.coupon_id])

  const emails = input.recipients.map((recipient) => recipient.email).filter((email): email is string => !!email)
  const customerIds = input.recipients.map((recipient) => recipient.customer_id).filter((id): id is string => !!id)
  const held = await knex.raw(
    `SELECT assigned_email AS email, assigned_customer_id AS customer_id FROM coupon_code
     WHERE coupon_id = ? AND deleted_at IS NULL
       AND (assigned_email = ANY(?::text[]) OR assigned_customer_id = ANY(?::text[]))`,
    [input.coupon_id, emails, customerIds]
  )
  const holders = held.rows as { email: string | null; customer_id: string | null }[]
  const skipped = input.recipients.filter((recipient) => holders.some((holder) => sameRecipient(recipient, holder)))
  const recipients = input.recipients.filter((recipient) => !skipped.includes(recipient))

  const distributionId = generateEntityId(undefined, "cpndist")
  await knex.raw(
    `INSERT INTO coupon_distribution
       (id, coupon_id, batch_id, customer_group_id, recipient_count, assigned_count, skipped_count, created_by, valid_for_days)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      distributionId,
      input.coupon_id,
      input.batch_id ?? null,
      input.customer_group_id ?? null,
      input.recipients.length,
      recipients.length,
      skipped.length,
      input.created_by ?? null,
      input.valid_for_days ?? null,
    ]
  )
  if (!recipients.length) {
    return { distribution_id: distributionId, assignments: [], skipped, expiry_before: [] }
  }

  const picked = await knex.raw(
    `SELECT id, code, expires_at FROM coupon_code
     WHERE coupon_id = ? AND (?::text IS NULL OR batch_id = ?)
       AND deleted_at IS NULL AND status = 'active' AND usage_count = 0
       AND code NOT LIKE '#%' -- hashed: nobody can tell the recipient what it is
       AND assigned_email IS NULL AND assigned_customer_id IS NULL
       AND (expires_at IS NULL OR expires_at > now())
     ORDER BY id
     LIMIT ?
     FOR UPDATE SKIP LOCKED`,
    [input.coupon_id, input.batch_id ?? null, input.batch_id ?? null, recipients.length]
  )
  const codes = picked.rows as { id: string; code: string; expires_at: Date | null }[]
  if (codes.length < recipients.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Only ${codes.length} unused, unassigned code${codes.length === 1 ? "" : "s"} left${
        input.batch_id ? ` in batch ${input.batch_id}` : ""
      } for ${recipients.length} recipient${recipients.length === 1 ? "" : "s"}: generate more codes first. Nothing was assigned.`
    )
  }

  const assigned = recipients.map((recipient, index) => ({
    code_id: codes[index].id,
    code: codes[index].code,
    email: recipient.email ?? null,
    customer_id: recipient.customer_id ?? null,
  }))
  // a relative expiry counts from now, and never extends a code's own earlier one
  const updated = await knex.raw(
    `UPDATE coupon_code AS c
     SET assigned_email = r.email, assigned_customer_id = r.customer_id, assigned_at = now(),
         distribution_id = ?, updated_at = now(),
         expires_at = CASE WHEN ?::int IS NULL THEN c.expires_at
                           ELSE LEAST(coalesce(c.expires_at, 'infinity'::timestamptz), now() + make_interval(days => ?::int)) END
     FROM unnest(?::text[], ?::text[], ?::text[]) AS r(id, email, customer_id)
     WHERE c.id = r.id
     RETURNING c.id, c.expires_at`,
    [
      distributionId,
      input.valid_for_days ?? null,
      input.valid_for_days ?? null,
      assigned.map((assignment) => assignment.code_id),
      assigned.map((assignment) => assignment.email),
      assigned.map((assignment) => assignment.customer_id),
    ] as never
  )
  const expiry = new Map((updated.rows as { id: string; expires_at: Date | null }[]).map((row) => [row.id, row.expires_at]))
  const assignments: CodeAssignment[] = assigned.map((assignment) => ({
    ...assignment,
    expires_at: expiry.get(assignment.code_id)?.toISOString() ?? null,
  }))
  const expiry_before = codes.map((code) => ({ code_id: code.id, expires_at: code.expires_at?.toISOString() ?? null }))
  return { distribution_id: distributionId, assignments, skipped, expiry_before }
}

/** Undoes a distribution (its workflow failed later): the codes are free again with their own expiry, the record is gone. */
export const unassignDistribution = async (
  knex: Knex,
  distributionId: string,
  expiryBefore: ExpiryBeforeAssignment[] = []
): Promise<void> => {
  const ids = expiryBefore.map((row) => row.code_id)
  await knex.raw(
    `UPDATE coupon_code AS c SET assigned_email = NULL, assigned_customer_id = NULL, assigned_at = NULL,
       distribution_id = NULL, updated_at = now(),
       expires_at = CASE WHEN c.id = ANY(?::text[])
                         THEN (SELECT b.expires_at FROM unnest(?::text[], ?::timestamptz[]) AS b(id, expires_at) WHERE b.id = c.id)
                         ELSE c.expires_at END
     WHERE c.distribution_id = ?`,
    [ids, ids, expiryBefore.map((row) => row.expires_at), distributionId] as never
  )
  await knex.raw(`DELETE FROM coupon_distribution WHERE id = ?`, [distributionId])
}

/** Redeemed codes of each distribution. */
export const redeemedByDistribution = async (knex: Knex, distributionIds: string[]): Promise<Record<string, number>> => {
  if (!distributionIds.length) {
    return {}
  }
  const result = await knex.raw(
    `SELECT distribution_id, count(*)::int AS redeemed FROM coupon_code
     WHERE distribution_id = ANY(?::text[]) AND deleted_at IS NULL AND usage_count > 0
     GROUP BY distribution_id`,
    [distributionIds]
  )
  return Object.fromEntries(
    (result.rows as { distribution_id: string; redeemed: number }[]).map((row) => [row.distribution_id, row.redeemed])
  )
}
