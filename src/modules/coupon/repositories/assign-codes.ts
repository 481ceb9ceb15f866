import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { CodeAssignment, DistributeCodesInput, Recipient } from "../types"

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
): Promise<{ distribution_id: string; assignments: CodeAssignment[]; skipped: Recipient[] }> => {
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
    `INSERT INTO coupon_distribution (id, coupon_id, batch_id, customer_group_id, recipient_count, assigned_count, skipped_count, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      distributionId,
      input.coupon_id,
      input.batch_id ?? null,
      input.customer_group_id ?? null,
      input.recipients.length,
      recipients.length,
      skipped.length,
      input.created_by ?? null,
    ]
  )
  if (!recipients.length) {
    return { distribution_id: distributionId, assignments: [], skipped }
  }

  const picked = await knex.raw(
    `SELECT id, code FROM coupon_code
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
  const codes = picked.rows as { id: string; code: string }[]
  if (codes.length < recipients.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Only ${codes.length} unused, unassigned code${codes.length === 1 ? "" : "s"} left${
        input.batch_id ? ` in batch ${input.batch_id}` : ""
      } for ${recipients.length} recipient${recipients.length === 1 ? "" : "s"}: generate more codes first. Nothing was assigned.`
    )
  }

  const assignments: CodeAssignment[] = recipients.map((recipient, index) => ({
    code_id: codes[index].id,
    code: codes[index].code,
    email: recipient.email ?? null,
    customer_id: recipient.customer_id ?? null,
  }))
  await knex.raw(
    `UPDATE coupon_code AS c
     SET assigned_email = r.email, assigned_customer_id = r.customer_id, assigned_at = now(),
         distribution_id = ?, updated_at = now()
     FROM unnest(?::text[], ?::text[], ?::text[]) AS r(id, email, customer_id)
     WHERE c.id = r.id`,
    [
      distributionId,
      assignments.map((assignment) => assignment.code_id),
      assignments.map((assignment) => assignment.email),
      assignments.map((assignment) => assignment.customer_id),
    ] as never
  )
  return { distribution_id: distributionId, assignments, skipped }
}

/** Undoes a distribution (its workflow failed later): the codes are free again, the record is gone. */
export const unassignDistribution = async (knex: Knex, distributionId: string): Promise<void> => {
  await knex.raw(
    `UPDATE coupon_code SET assigned_email = NULL, assigned_customer_id = NULL, assigned_at = NULL,
       distribution_id = NULL, updated_at = now()
     WHERE distribution_id = ?`,
    [distributionId]
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
