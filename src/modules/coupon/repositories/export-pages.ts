import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { RedemptionFilters } from "../types"

export type CodeExportRow = {
  id: string
  code: string
  status: string
  usage_count: number
  usage_limit: number | null
  expires_at: Date | null
  batch_id: string | null
  assigned_email: string | null
}

/** One page of a coupon's live codes after `afterId`, in id order (the (coupon_id, id) index). */
export const codeExportPage = async (knex: Knex, couponId: string, afterId: string | null, limit: number): Promise<CodeExportRow[]> => {
  const result = await knex.raw(
    // a hashed code can never be read back: its last four characters stand in
    `SELECT id, CASE WHEN code LIKE '#%' THEN '****' || coalesce(code_last4, '') ELSE code END AS code, status, usage_count, usage_limit, expires_at, batch_id, assigned_email
     FROM coupon_code
     WHERE coupon_id = ? AND deleted_at IS NULL AND id > ?
     ORDER BY id LIMIT ?`,
    [couponId, afterId ?? "", limit]
  )
  return result.rows
}

export type RedemptionExportRow = {
  id: string
  code: string
  order_id: string
  customer_id: string | null
  email: string | null
  discount_amount: string
  order_total: string | null
  currency_code: string
  status: string
  created_at: Date
  reverted_at: Date | null
  original_discount_amount: string | null
  returned_discount_amount: string
  refunded_amount: string
  original_order_total: string | null
  /** created_at at full (microsecond) precision: the paging cursor */
  cursor: string
}

/** The ledger filters as SQL (bound values only). */
export const redemptionWhere = (filters: RedemptionFilters): { sql: string; bindings: Knex.Value[] } => {
  const clauses = ["deleted_at IS NULL"]
  const bindings: Knex.Value[] = []
  const add = (sql: string, ...values: Knex.Value[]) => {
    clauses.push(sql)
    bindings.push(...values)
  }
  if (filters.coupon_id) add("coupon_id = ?", filters.coupon_id)
  if (filters.status?.length) add("status = ANY(?::text[])", filters.status)
  if (filters.customer_id?.length) add("customer_id = ANY(?::text[])", filters.customer_id)
  if (filters.email) add("lower(email) = lower(?)", filters.email)
  if (filters.created_at?.gte) add("created_at >= ?", filters.created_at.gte)
  if (filters.created_at?.gt) add("created_at > ?", filters.created_at.gt)
  if (filters.created_at?.lte) add("created_at <= ?", filters.created_at.lte)
  if (filters.created_at?.lt) add("created_at < ?", filters.created_at.lt)
  return { sql: clauses.join(" AND "), bindings }
}

/** One page of ledger rows after the (created_at, id) cursor, oldest first. */
export const redemptionExportPage = async (
  knex: Knex,
  filters: RedemptionFilters,
  after: { cursor: string; id: string } | null,
  limit: number
): Promise<RedemptionExportRow[]> => {
  const where = redemptionWhere(filters)
  const cursor = after ? " AND (created_at, id) > (?::timestamptz, ?)" : ""
  const result = await knex.raw(
    `SELECT id, code, order_id, customer_id, email, discount_amount::text AS discount_amount,
            order_total::text AS order_total, currency_code, status, created_at, reverted_at,
            original_discount_amount::text AS original_discount_amount, returned_discount_amount::text AS returned_discount_amount,
            refunded_amount::text AS refunded_amount, original_order_total::text AS original_order_total,
            created_at::text AS cursor
     FROM coupon_redemption
     WHERE ${where.sql}${cursor}
     ORDER BY created_at, id LIMIT ?`,
    [...where.bindings, ...(after ? [after.cursor, after.id] : []), limit]
  )
  return result.rows
}
