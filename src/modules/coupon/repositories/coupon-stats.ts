import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { CouponStats, CouponStatsInput, TopCoupon } from "../types"
import { DISTINCT_KINDS, DistinctKind, LIVE_ROW, REDEEMER, STORE_SCOPE } from "./stats-rollups"

const KINDS_SQL = DISTINCT_KINDS.map((kind) => `'${kind}'`).join(", ")

/** Runs one read on a connection of its own, so that independent aggregates run side by side. */
export type StatsReader = (sql: string, bindings: Knex.Value[]) => Promise<{ rows: Record<string, unknown>[] }>

/**
 * The redeemed rows of the window, as SQL (constant fragments, bound values):
 * every row not reverted counts (a returned line lowers the row's amounts, a
 * cancel or full refund reverts it). Served by the partial indexes on
 * (coupon_id, created_at) and (created_at) WHERE status <> 'reverted'.
 */
const redeemedWhere = ({ coupon_id, from, to }: CouponStatsInput) => {
  const clauses = [LIVE_ROW]
  const bindings: Knex.Value[] = []
  if (coupon_id) {
    clauses.push("r.coupon_id = ?")
    bindings.push(coupon_id)
  }
  if (from) {
    clauses.push("r.created_at >= ?")
    bindings.push(from)
  }
  if (to) {
    clauses.push("r.created_at < ?")
    bindings.push(to)
  }
  return { sql: clauses.join(" AND "), bindings }
}

const DAY = 86_400_000
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value))

/** The figures a source reads; couponStats shapes them. */
type StatsFigures = {
  days: { date: string; redemptions: number; discount_total: string }[]
  currencies: Record<string, unknown>[]
  codes_redeemed: number
  customers: { unique_customers: number; new_customers: number; returning_customers: number }
}

/**
 * From the ledger's rows, in four independent aggregates run side by side: per
 * day (redemptions, discount), per order (revenue counts each order once even
 * when it used several codes), distinct codes, distinct customers (a customer
 * id, else a guest's email). Answers any window; the reference the rollups are
 * checked against.
 */
export const ledgerFigures = async (read: StatsReader, input: CouponStatsInput): Promise<StatsFigures> => {
  const where = redeemedWhere(input)
  const [days, orders, codes, customers] = await Promise.all([
    read(
      `SELECT to_char((r.created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS date,
              count(*)::int AS redemptions, sum(r.discount_amount)::text AS discount_total
       FROM coupon_redemption r WHERE ${where.sql}
       GROUP BY (r.created_at AT TIME ZONE 'UTC')::date ORDER BY 1`,
      where.bindings
    ),
    // per currency, each order once: its redemptions' discounts, and its totals (the same on each of its rows)
    read(
      `SELECT o.currency_code, sum(o.redemptions)::int AS redemptions, count(o.total)::int AS orders,
              COALESCE(sum(o.discount), 0)::text AS discount_total, COALESCE(sum(o.discount_gross), 0)::text AS discount_gross,
              COALESCE(sum(o.total), 0)::text AS revenue, COALESCE(sum(o.total_gross), 0)::text AS revenue_gross,
              COALESCE(sum(o.refunded), 0)::text AS refunded_total
       FROM (SELECT r.currency_code, count(*) AS redemptions, sum(r.discount_amount) AS discount,
                    sum(COALESCE(r.original_discount_amount, r.discount_amount)) AS discount_gross,
                    max(r.order_total) AS total, max(COALESCE(r.original_order_total, r.order_total)) AS total_gross,
                    max(r.refunded_amount) AS refunded
             FROM coupon_redemption r WHERE ${where.sql} GROUP BY r.order_id, r.currency_code) o
       GROUP BY o.currency_code ORDER BY sum(o.redemptions) DESC, o.currency_code`,
      where.bindings
    ),
    // DISTINCT in a subquery can hash or walk an index; count(DISTINCT …) always sorts
    read(
      `SELECT count(*)::int AS codes_redeemed FROM (SELECT DISTINCT r.coupon_code_id FROM coupon_redemption r WHERE ${where.sql}) c`,
      where.bindings
    ),
    // new when one of their redeeming orders was their first; returning when known and none was
    read(
      `SELECT count(u.who)::int AS unique_customers, count(u.who) FILTER (WHERE u.first)::int AS new_customers,
              count(u.who) FILTER (WHERE NOT u.first)::int AS returning_customers
       FROM (SELECT ${REDEEMER} AS who, bool_or(r.first_order) AS first
             FROM coupon_redemption r WHERE ${where.sql} GROUP BY 1) u`,
      where.bindings
    ),
  ])
  return {
    days: days.rows as StatsFigures["days"],
    currencies: orders.rows,
    codes_redeemed: codes.rows[0].codes_redeemed as number,
    customers: customers.rows[0] as StatsFigures["customers"],
  }
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10)

/** A rollup row `s` of these scopes inside the window's days, as SQL and bound values. */
const rollupWhere = (scope: string, scopeBindings: Knex.Value[], { from, to }: CouponStatsInput) => {
  const clauses = [scope]
  const bindings = [...scopeBindings]
  if (from) {
    clauses.push("s.day >= ?::date")
    bindings.push(isoDay(from))
  }
  if (to) {
    clauses.push("s.day < ?::date")
    bindings.push(isoDay(to))
  }
  return { sql: clauses.join(" AND "), bindings }
}

/** Whether a window starts and ends on UTC midnights (or is open), so that the daily rollups answer it. */
export const rollupsAnswer = ({ from, to }: CouponStatsInput) => [from, to].every((bound) => !bound || bound.getTime() % DAY === 0)

/**
 * From the daily rollups (see stats-rollups.ts): sums over days, whatever the
 * ledger's size. The window must be whole UTC days (rollupsAnswer).
 */
export const rollupFigures = async (read: StatsReader, input: CouponStatsInput): Promise<StatsFigures> => {
  const { sql: where, bindings } = rollupWhere("s.scope = ?", [input.coupon_id ?? STORE_SCOPE], input)
  // a key counts in the window on its first day inside it: its entry there has no day since the window's start
  const firstInside = input.from ? "s.since < ?::date" : "s.since = '-infinity'"
  const [days, currencies, distinct] = await Promise.all([
    read(
      `SELECT to_char(s.day, 'YYYY-MM-DD') AS date, sum(s.redemptions)::int AS redemptions, sum(s.discount_total)::text AS discount_total
       FROM coupon_stats_day s WHERE ${where} GROUP BY s.day HAVING sum(s.redemptions) > 0 ORDER BY s.day`,
      bindings
    ),
    read(
      `SELECT s.currency_code, sum(s.redemptions)::int AS redemptions, sum(s.orders)::int AS orders,
              sum(s.discount_total)::text AS discount_total, sum(s.discount_gross)::text AS discount_gross,
              sum(s.revenue)::text AS revenue, sum(s.revenue_gross)::text AS revenue_gross, sum(s.refunded_total)::text AS refunded_total
       FROM coupon_stats_day s WHERE ${where}
       GROUP BY s.currency_code HAVING sum(s.redemptions) > 0 ORDER BY sum(s.redemptions) DESC, s.currency_code`,
      bindings
    ),
    // every kind named, so that the primary key (scope, kind, day, since) serves the window
    read(
      `SELECT s.kind, sum(s.keys)::int AS keys FROM coupon_stats_distinct s WHERE ${where} AND s.kind IN (${KINDS_SQL}) AND ${firstInside} GROUP BY s.kind`,
      [...bindings, ...(input.from ? [isoDay(input.from)] : [])]
    ),
  ])
  const keys = (kind: DistinctKind) => (distinct.rows.find((row) => row.kind === kind)?.keys as number | undefined) ?? 0
  return {
    days: days.rows as StatsFigures["days"],
    currencies: currencies.rows,
    codes_redeemed: keys("code"),
    customers: {
      unique_customers: keys("customer"),
      new_customers: keys("new_customer"),
      returning_customers: keys("known_customer") - keys("new_customer"),
    },
  }
}

/** Live codes that existed by the end of the window. */
const codesIssued = async (read: StatsReader, input: CouponStatsInput): Promise<number> => {
  const issued = await read(
    `SELECT count(*)::int AS codes_issued FROM coupon_code c
     WHERE c.deleted_at IS NULL${input.coupon_id ? " AND c.coupon_id = ?" : ""}${input.to ? " AND c.created_at < ?" : ""}`,
    [...(input.coupon_id ? [input.coupon_id] : []), ...(input.to ? [input.to] : [])] as Knex.Value[]
  )
  return issued.rows[0].codes_issued as number
}

/**
 * Totals of one coupon (or of the store): from the daily rollups when the
 * window is whole days, else from the ledger's rows; `source` forces one.
 */
export const couponStats = async (read: StatsReader, input: CouponStatsInput, source: "auto" | "ledger" = "auto"): Promise<CouponStats> => {
  const figures = source === "auto" && rollupsAnswer(input) ? rollupFigures : ledgerFigures
  const [{ days, currencies, codes_redeemed: codesRedeemed, customers }, issued] = await Promise.all([
    figures(read, input),
    codesIssued(read, input),
  ])
  const daily = days.map((day) => ({
    date: day.date,
    redemptions: day.redemptions,
    discount_total: num(day.discount_total),
  }))
  const redemptions = daily.reduce((sum, day) => sum + day.redemptions, 0)
  const discountTotal = round(
    daily.reduce((sum, day) => sum + day.discount_total, 0),
    6
  )
  const byCurrency = currencies.map((row) => {
    const orderCount = row.orders as number
    const revenue = num(row.revenue)
    return {
      currency_code: row.currency_code as string,
      redemptions: row.redemptions as number,
      orders: orderCount,
      discount_total: num(row.discount_total),
      discount_gross: num(row.discount_gross),
      revenue,
      revenue_gross: num(row.revenue_gross),
      refunded_total: num(row.refunded_total),
      average_order_value: orderCount ? round(revenue / orderCount, 2) : 0,
    }
  })
  const sum = (pick: (row: (typeof byCurrency)[number]) => number) =>
    round(
      byCurrency.reduce((total, row) => total + pick(row), 0),
      6
    )
  const revenue = sum((row) => row.revenue)
  const orderCount = byCurrency.reduce((total, row) => total + row.orders, 0)
  return {
    redemptions,
    ...customers,
    currency_code: byCurrency.length === 1 ? byCurrency[0].currency_code : null,
    by_currency: byCurrency,
    discount_total: discountTotal,
    discount_gross: sum((row) => row.discount_gross),
    revenue,
    revenue_gross: sum((row) => row.revenue_gross),
    refunded_total: sum((row) => row.refunded_total),
    orders: orderCount,
    average_order_value: orderCount ? round(revenue / orderCount, 2) : 0,
    codes_issued: issued,
    codes_redeemed: codesRedeemed,
    redemption_rate: issued ? round(codesRedeemed / issued, 4) : 0,
    daily: fillDays(daily, input),
  }
}

const MAX_FILLED_DAYS = 3_660

/** One entry per day from the window's start (or first redemption) to its end (or last redemption), zeros included. */
const fillDays = (days: CouponStats["daily"], { from, to }: CouponStatsInput): CouponStats["daily"] => {
  if (!days.length && (!from || !to)) {
    return []
  }
  const first = from ? Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()) : Date.parse(days[0].date)
  const last = to ? to.getTime() - 1 : Date.parse(days[days.length - 1].date)
  if ((last - first) / DAY > MAX_FILLED_DAYS) {
    return days
  }
  const byDate = new Map(days.map((day) => [day.date, day]))
  const filled: CouponStats["daily"] = []
  for (let day = first; day <= last; day += DAY) {
    const date = new Date(day).toISOString().slice(0, 10)
    filled.push(byDate.get(date) ?? { date, redemptions: 0, discount_total: 0 })
  }
  return filled
}

/** The coupons with the most redemptions in the window; revenue counts each order once per coupon. */
export const topCoupons = async (
  read: StatsReader,
  input: CouponStatsInput,
  limit: number,
  source: "auto" | "ledger" = "auto"
): Promise<TopCoupon[]> => {
  const result =
    source === "auto" && rollupsAnswer(input) ? await topFromRollups(read, input, limit) : await topFromLedger(read, input, limit)
  const rows = result.rows as { coupon_id: string; name: string; redemptions: number; discount_total: string; revenue: string }[]
  return rows.map((row) => ({
    coupon_id: row.coupon_id,
    name: row.name,
    redemptions: row.redemptions,
    discount_total: num(row.discount_total),
    revenue: num(row.revenue),
  }))
}

const topFromLedger = async (read: StatsReader, input: CouponStatsInput, limit: number) => {
  const where = redeemedWhere(input)
  return await read(
    `WITH per_order AS (
       SELECT r.coupon_id, count(*) AS redemptions, sum(r.discount_amount) AS discount_total, max(r.order_total) AS order_total
       FROM coupon_redemption r WHERE ${where.sql}
       GROUP BY r.coupon_id, r.order_id
     )
     SELECT p.coupon_id, c.name, sum(p.redemptions)::int AS redemptions,
            COALESCE(sum(p.discount_total), 0)::text AS discount_total,
            COALESCE(sum(p.order_total), 0)::text AS revenue
     FROM per_order p JOIN coupon c ON c.id = p.coupon_id
     GROUP BY p.coupon_id, c.name
     ORDER BY redemptions DESC, sum(p.discount_total) DESC, p.coupon_id
     LIMIT ?`,
    [...where.bindings, limit]
  )
}

const topFromRollups = async (read: StatsReader, input: CouponStatsInput, limit: number) => {
  const window = input.coupon_id
    ? rollupWhere("s.scope = ?", [input.coupon_id], input)
    : rollupWhere(`s.scope <> '${STORE_SCOPE}'`, [], input)
  return await read(
    `WITH per_coupon AS (
       SELECT s.scope AS coupon_id, sum(s.redemptions) AS redemptions, sum(s.discount_total) AS discount_total, sum(s.revenue) AS revenue
       FROM coupon_stats_day s WHERE ${window.sql}
       GROUP BY s.scope HAVING sum(s.redemptions) > 0
     )
     SELECT p.coupon_id, c.name, p.redemptions::int AS redemptions, p.discount_total::text AS discount_total, p.revenue::text AS revenue
     FROM per_coupon p JOIN coupon c ON c.id = p.coupon_id
     ORDER BY p.redemptions DESC, p.discount_total DESC, p.coupon_id
     LIMIT ?`,
    [...window.bindings, limit]
  )
}
