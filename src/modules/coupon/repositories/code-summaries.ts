import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { displayCode } from "../codes/hash"
import type { CouponCodeSummary } from "../types"

/**
 * How many live codes each coupon has, and the code itself when it has one (a
 * shared code), as a list shows it; an index-only count on (coupon_id, id).
 */
export const codeSummaries = async (knex: Knex, couponIds: string[]): Promise<Map<string, CouponCodeSummary>> => {
  if (!couponIds.length) {
    return new Map()
  }
  const result = await knex.raw(
    `SELECT c.coupon_id, c.count, one.code, one.code_last4
     FROM (SELECT coupon_id, count(*)::int AS count FROM coupon_code
           WHERE coupon_id = ANY(?::text[]) AND deleted_at IS NULL GROUP BY coupon_id) c
     LEFT JOIN LATERAL (SELECT code, code_last4 FROM coupon_code
           WHERE coupon_id = c.coupon_id AND deleted_at IS NULL AND c.count = 1 LIMIT 1) one ON true`,
    [couponIds]
  )
  const summaries = new Map<string, CouponCodeSummary>(couponIds.map((id) => [id, { count: 0, code: null }]))
  for (const row of result.rows as { coupon_id: string; count: number; code: string | null; code_last4: string | null }[]) {
    summaries.set(row.coupon_id, { count: row.count, code: row.code ? displayCode({ code: row.code, code_last4: row.code_last4 }) : null })
  }
  return summaries
}
