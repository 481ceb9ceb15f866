import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/*
 * The spend budget is read from the ledger itself (rows not reverted, each at the discount its order keeps), so a
 * reverted or canceled redemption gives its money back with no counter to
 * keep in step. Redemption runs this after its UPDATE of the coupon row, whose
 * lock serializes the checkouts of one coupon: each statement then sees every
 * earlier checkout's committed rows.
 */

export const budgetUsed = async (knex: Knex, couponId: string, currencyCode: string): Promise<number> => {
  const result = await knex.raw(
    `SELECT coalesce(sum(discount_amount), 0) AS used FROM coupon_redemption
     WHERE coupon_id = ? AND currency_code = ? AND status <> 'reverted' AND deleted_at IS NULL`,
    [couponId, currencyCode.toLowerCase()]
  )
  return Number(result.rows[0].used)
}

/**
 * True when the budget (if any) for this currency was not yet reached before
 * this redemption: the order that reaches it still gets its discount, the
 * next one does not. `ownAmount` is this redemption's row, already inserted.
 */
export const budgetAllows = async (knex: Knex, couponId: string, currencyCode: string, ownAmount: number): Promise<boolean> => {
  const currency = currencyCode.toLowerCase()
  const result = await knex.raw(`SELECT (budget_limits ->> ?)::numeric AS budget FROM coupon WHERE id = ?`, [currency, couponId])
  const budget = result.rows[0]?.budget
  if (budget === null || budget === undefined) {
    return true
  }
  const used = await budgetUsed(knex, couponId, currency)
  return used - ownAmount < Number(budget)
}
