import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/*
 * Daily rollups of the ledger, kept in the transaction of every ledger change
 * (redeem, adjust, revert, remove), so that the stats read days, not rows.
 *
 * coupon_stats_day: per scope (a coupon id, or "*" for the store), UTC day and
 * currency, the additive figures: rows, orders (each once per scope), discount,
 * revenue, refunds; net and gross.
 *
 * coupon_stats_distinct: the distinct figures (codes, customers, known and new
 * customers) in any window of days, exactly. For each key (a code, a customer)
 * and each day it has live rows, one entry (day, since): `since` is the key's
 * previous such day ('-infinity' for its first). A key has rows in [from, to)
 * exactly when one of its entries has from <= day < to and since < from: its
 * first day inside the window. So the count of a window is a sum of entries, and
 * a change of one key on day d rewrites only the entries of d and of the key's
 * next day.
 *
 * An order's rows are changed by one transaction at a time (an advisory lock per
 * order); a key's entries are rewritten under a lock per key, taken after every
 * counter row, in sorted order, so that two checkouts never wait on each other
 * in a cycle.
 */

/** The rollup tables (made by a migration, not data models: derived data written by SQL only). */
export const STATS_ROLLUP_TABLES = ["coupon_stats_day", "coupon_stats_distinct"] as const

/** SQL over a ledger row `r`: it counts (not reverted, not deleted). */
export const LIVE_ROW = "r.status <> 'reverted' AND r.deleted_at IS NULL"
/** SQL over a ledger row `r`: who redeemed: the customer, else the guest's email. */
export const REDEEMER = "COALESCE(r.customer_id, 'email:' || lower(r.email))"
/** SQL over a ledger row `r`: its UTC day. */
const ROW_DAY = "(r.created_at AT TIME ZONE 'UTC')::date"
/** the store-wide scope */
export const STORE_SCOPE = "*"
/** an entry's `since` when the key had no earlier day */
const NO_EARLIER_DAY = "-infinity"

export const DISTINCT_KINDS = ["code", "customer", "known_customer", "new_customer"] as const
export type DistinctKind = (typeof DISTINCT_KINDS)[number]

/** SQL matching a ledger row `r` to key `t.key` of kind `t.kind` in scope `t.scope`. */
const KIND_MATCH: Record<DistinctKind, string> = {
  code: "r.coupon_code_id = t.key",
  customer: `${REDEEMER} = t.key`,
  known_customer: `${REDEEMER} = t.key AND r.first_order IS NOT NULL`,
  new_customer: `${REDEEMER} = t.key AND r.first_order IS TRUE`,
}

type LedgerRowState = {
  order_id: string
  coupon_id: string
  coupon_code_id: string
  who: string | null
  first_order: boolean | null
  day: string
  currency_code: string
  live: boolean
  discount: string
  discount_gross: string
  total: string | null
  total_gross: string | null
  refunded: string
}

/** The ledger rows of some orders as they were before a change (see snapshotOrders). */
export type LedgerSnapshot = { orderIds: string[]; rows: LedgerRowState[] }

const lockKeys = async (knex: Knex, keys: string[]): Promise<void> => {
  if (keys.length) {
    await knex.raw(`SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM (SELECT k FROM unnest(?::text[]) AS k ORDER BY k) s`, [
      [...new Set(keys)].sort(),
    ])
  }
}

const readOrderRows = async (knex: Knex, orderIds: string[]): Promise<LedgerRowState[]> => {
  const result = await knex.raw(
    `SELECT r.order_id, r.coupon_id, r.coupon_code_id, ${REDEEMER} AS who, r.first_order,
            to_char(${ROW_DAY}, 'YYYY-MM-DD') AS day, r.currency_code, (${LIVE_ROW}) AS live,
            r.discount_amount::text AS discount, COALESCE(r.original_discount_amount, r.discount_amount)::text AS discount_gross,
            r.order_total::text AS total, COALESCE(r.original_order_total, r.order_total)::text AS total_gross,
            r.refunded_amount::text AS refunded
     FROM coupon_redemption r WHERE r.order_id = ANY(?::text[])`,
    [orderIds]
  )
  return result.rows
}

/**
 * Takes the orders' ledger for this transaction and reads it as it is: call it
 * before changing their rows, and recordStatsChange after.
 */
export const snapshotOrders = async (knex: Knex, orderIds: string[]): Promise<LedgerSnapshot> => {
  const ids = [...new Set(orderIds)].sort()
  await lockKeys(
    knex,
    ids.map((id) => `coupon_stats:order:${id}`)
  )
  return { orderIds: ids, rows: ids.length ? await readOrderRows(knex, ids) : [] }
}

/** Brings the rollups from the snapshot's state of its orders to their state now. */
export const recordStatsChange = async (knex: Knex, before: LedgerSnapshot): Promise<void> => {
  if (!before.orderIds.length) {
    return
  }
  const after = await readOrderRows(knex, before.orderIds)
  await addDayDeltas(knex, before.rows, after)
  await rewriteDistinctEntries(knex, before, after)
}

/** The additive figures: the orders' rows after, less the same rows before, per scope, day and currency. */
const addDayDeltas = async (knex: Knex, before: LedgerRowState[], after: LedgerRowState[]): Promise<void> => {
  const signed = [...before.map((row) => ({ ...row, sign: -1 })), ...after.map((row) => ({ ...row, sign: 1 }))].filter((row) => row.live)
  if (!signed.length) {
    return
  }
  await knex.raw(
    `WITH x AS (
       SELECT * FROM json_to_recordset(?::json) AS x(sign int, order_id text, coupon_id text, day date, currency_code text,
         discount numeric, discount_gross numeric, total numeric, total_gross numeric, refunded numeric)
     ),
     per_order AS (
       SELECT sign, coupon_id AS scope, order_id, day, currency_code, count(*) AS n, sum(discount) AS d, sum(discount_gross) AS dg,
              max(total) AS t, max(total_gross) AS tg, max(refunded) AS rf
       FROM x GROUP BY sign, coupon_id, order_id, day, currency_code
       UNION ALL
       SELECT sign, ?, order_id, day, currency_code, count(*), sum(discount), sum(discount_gross), max(total), max(total_gross), max(refunded)
       FROM x GROUP BY sign, order_id, day, currency_code
     ),
     delta AS (
       SELECT scope, day, currency_code, sum(sign * n)::int AS redemptions, sum(sign * (t IS NOT NULL)::int)::int AS orders,
              sum(sign * d) AS discount_total, sum(sign * dg) AS discount_gross, sum(sign * coalesce(t, 0)) AS revenue,
              sum(sign * coalesce(tg, 0)) AS revenue_gross, sum(sign * coalesce(rf, 0)) AS refunded_total
       FROM per_order GROUP BY scope, day, currency_code
     )
     INSERT INTO coupon_stats_day AS s (scope, day, currency_code, redemptions, orders, discount_total, discount_gross, revenue, revenue_gross, refunded_total)
     SELECT * FROM delta
     WHERE redemptions <> 0 OR orders <> 0 OR discount_total <> 0 OR discount_gross <> 0 OR revenue <> 0 OR revenue_gross <> 0 OR refunded_total <> 0
     ORDER BY scope, day, currency_code
     ON CONFLICT (scope, day, currency_code) DO UPDATE SET
       redemptions = s.redemptions + excluded.redemptions, orders = s.orders + excluded.orders,
       discount_total = s.discount_total + excluded.discount_total, discount_gross = s.discount_gross + excluded.discount_gross,
       revenue = s.revenue + excluded.revenue, revenue_gross = s.revenue_gross + excluded.revenue_gross,
       refunded_total = s.refunded_total + excluded.refunded_total`,
    [JSON.stringify(signed), STORE_SCOPE]
  )
}

/** The keys a ledger row counts for: its code and its redeemer, in its coupon and in the store. */
const keysOf = (row: LedgerRowState): { scope: string; kind: DistinctKind; key: string }[] => {
  const kinds: [DistinctKind, string | null][] = [
    ["code", row.coupon_code_id],
    ["customer", row.who],
    ["known_customer", row.first_order === null ? null : row.who],
    ["new_customer", row.first_order === true ? row.who : null],
  ]
  return kinds.flatMap(([kind, key]) => (key === null ? [] : [row.coupon_id, STORE_SCOPE].map((scope) => ({ scope, kind, key }))))
}

type TouchedKey = { scope: string; kind: DistinctKind; key: string; before: Set<string>; after: Set<string>; days: Set<string> }

const sameDays = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((day) => b.has(day))

/** A key's entries from its live days in order, between its last day before them and its first day after. */
const entriesOf = (earlier: string | null, days: string[], later: string | null): [string, string][] => {
  const entries: [string, string][] = []
  let since = earlier ?? NO_EARLIER_DAY
  for (const day of [...days, ...(later ? [later] : [])]) {
    entries.push([day, since])
    since = day
  }
  return entries
}

/**
 * The distinct figures: for each key whose live days among the orders' rows
 * changed, its entries over the days the orders touch (and the key's next day
 * after them) as they were and as they are; the difference is written.
 */
const rewriteDistinctEntries = async (knex: Knex, before: LedgerSnapshot, after: LedgerRowState[]): Promise<void> => {
  const touched = new Map<string, TouchedKey>()
  for (const [rows, side] of [
    [before.rows, "before"],
    [after, "after"],
  ] as const) {
    for (const row of rows) {
      for (const { scope, kind, key } of keysOf(row)) {
        const id = `${scope}\u0000${kind}\u0000${key}`
        const entry = touched.get(id) ?? { scope, kind, key, before: new Set(), after: new Set(), days: new Set() }
        entry.days.add(row.day)
        if (row.live) {
          entry[side].add(row.day)
        }
        touched.set(id, entry)
      }
    }
  }
  const changed = [...touched.values()].filter((key) => !sameDays(key.before, key.after))
  if (!changed.length) {
    return
  }
  // one lock for a redeemer's kinds: they read the same rows
  await lockKeys(
    knex,
    changed.map(({ scope, kind, key }) => `coupon_stats:key:${scope}:${kind === "code" ? "code" : "who"}:${key}`)
  )
  const others = await readOtherDays(knex, changed, before.orderIds)
  const delta = new Map<string, { scope: string; kind: DistinctKind; day: string; since: string; keys: number }>()
  const add = (key: TouchedKey, entries: [string, string][], sign: number) => {
    for (const [day, since] of entries) {
      const id = `${key.scope}\u0000${key.kind}\u0000${day}\u0000${since}`
      const entry = delta.get(id) ?? { scope: key.scope, kind: key.kind, day, since, keys: 0 }
      entry.keys += sign
      delta.set(id, entry)
    }
  }
  changed.forEach((key, index) => {
    const { days, earlier, later } = others[index]
    const sorted = (ours: Set<string>) => [...new Set([...days, ...ours])].sort()
    add(key, entriesOf(earlier, sorted(key.before), later), -1)
    add(key, entriesOf(earlier, sorted(key.after), later), 1)
  })
  const rows = [...delta.values()].filter((entry) => entry.keys !== 0)
  if (!rows.length) {
    return
  }
  await knex.raw(
    `INSERT INTO coupon_stats_distinct AS s (scope, kind, day, since, keys)
     SELECT scope, kind, day, since, keys
     FROM json_to_recordset(?::json) AS x(scope text, kind text, day date, since date, keys int)
     ORDER BY scope, kind, day, since
     ON CONFLICT (scope, kind, day, since) DO UPDATE SET keys = s.keys + excluded.keys`,
    [JSON.stringify(rows)]
  )
}

/**
 * For each key: the days inside the touched span on which rows of other orders
 * count, and the key's last live day before the span and first after it.
 */
const readOtherDays = async (
  knex: Knex,
  keys: TouchedKey[],
  orderIds: string[]
): Promise<{ days: string[]; earlier: string | null; later: string | null }[]> => {
  const spans = keys.map(({ scope, kind, key, days }, i) => {
    const sorted = [...days].sort()
    return { i, scope, kind, key, first: sorted[0], last: sorted[sorted.length - 1] }
  })
  const kinds = DISTINCT_KINDS.filter((kind) => spans.some((span) => span.kind === kind))
  const select = (kind: DistinctKind) => {
    const match = `${KIND_MATCH[kind]} AND (t.scope = '${STORE_SCOPE}' OR r.coupon_id = t.scope) AND ${LIVE_ROW}`
    return `SELECT t.i,
       ARRAY(SELECT DISTINCT to_char(${ROW_DAY}, 'YYYY-MM-DD') FROM coupon_redemption r
             WHERE ${match} AND r.order_id <> ALL(?::text[])
               AND r.created_at >= (t.first::timestamp AT TIME ZONE 'UTC') AND r.created_at < ((t.last + 1)::timestamp AT TIME ZONE 'UTC')) AS days,
       (SELECT to_char((max(r.created_at) AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') FROM coupon_redemption r
             WHERE ${match} AND r.created_at < (t.first::timestamp AT TIME ZONE 'UTC')) AS earlier,
       (SELECT to_char((min(r.created_at) AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') FROM coupon_redemption r
             WHERE ${match} AND r.created_at >= ((t.last + 1)::timestamp AT TIME ZONE 'UTC')) AS later
     FROM json_to_recordset(?::json) AS t(i int, scope text, kind text, key text, first date, last date)`
  }
  const result = await knex.raw(
    kinds.map(select).join("\nUNION ALL\n"),
    kinds.flatMap((kind) => [orderIds, JSON.stringify(spans.filter((span) => span.kind === kind))])
  )
  const byIndex = new Map<number, { days: string[]; earlier: string | null; later: string | null }>()
  for (const row of result.rows as { i: number; days: string[]; earlier: string | null; later: string | null }[]) {
    byIndex.set(row.i, { days: row.days, earlier: row.earlier, later: row.later })
  }
  return spans.map((span) => byIndex.get(span.i)!)
}

const rebuildDayRows = () => {
  const perOrder = (scope: string, group: string) =>
    `SELECT ${scope} AS scope, ${ROW_DAY} AS day, r.currency_code, count(*) AS n, sum(r.discount_amount) AS d,
            sum(COALESCE(r.original_discount_amount, r.discount_amount)) AS dg, max(r.order_total) AS t,
            max(COALESCE(r.original_order_total, r.order_total)) AS tg, max(r.refunded_amount) AS rf
     FROM coupon_redemption r WHERE ${LIVE_ROW} GROUP BY ${group}r.order_id, ${ROW_DAY}, r.currency_code`
  return `INSERT INTO coupon_stats_day (scope, day, currency_code, redemptions, orders, discount_total, discount_gross, revenue, revenue_gross, refunded_total)
     SELECT scope, day, currency_code, sum(n)::int, count(t)::int, sum(d), sum(dg), coalesce(sum(t), 0), coalesce(sum(tg), 0), coalesce(sum(rf), 0)
     FROM (${perOrder("r.coupon_id", "r.coupon_id, ")} UNION ALL ${perOrder(`'${STORE_SCOPE}'`, "")}) o
     GROUP BY scope, day, currency_code`
}

const KEY_OF: Record<DistinctKind, string> = {
  code: "r.coupon_code_id",
  customer: REDEEMER,
  known_customer: `CASE WHEN r.first_order IS NOT NULL THEN ${REDEEMER} END`,
  new_customer: `CASE WHEN r.first_order IS TRUE THEN ${REDEEMER} END`,
}

const rebuildEntries = (kind: DistinctKind, scope: string) =>
  `INSERT INTO coupon_stats_distinct (scope, kind, day, since, keys)
   SELECT scope, '${kind}', day, COALESCE(since, '${NO_EARLIER_DAY}'::date), count(*)::int
   FROM (
     SELECT scope, day, lag(day) OVER (PARTITION BY scope, key ORDER BY day) AS since
     FROM (SELECT DISTINCT ${scope} AS scope, ${KEY_OF[kind]} AS key, ${ROW_DAY} AS day
           FROM coupon_redemption r WHERE ${LIVE_ROW} AND ${KEY_OF[kind]} IS NOT NULL) k
   ) e
   GROUP BY scope, day, since`

/**
 * Every rollup recomputed from the ledger, as statements for one transaction
 * (the migration's backfill, and rebuildStatsRollups). Writes to the ledger
 * wait until it commits. One kind and scope at a time: each is a sort of the
 * ledger's keys and days.
 */
export const REBUILD_STATS_ROLLUPS: string[] = [
  "LOCK TABLE coupon_redemption IN SHARE MODE",
  "DELETE FROM coupon_stats_day",
  "DELETE FROM coupon_stats_distinct",
  rebuildDayRows(),
  ...DISTINCT_KINDS.flatMap((kind) => ["r.coupon_id", `'${STORE_SCOPE}'`].map((scope) => rebuildEntries(kind, scope))),
]

/** Recomputes every rollup from the ledger: the backfill, and after rows were written outside the module. */
export const rebuildStatsRollups = async (knex: Knex): Promise<{ days: number; entries: number }> => {
  let days = 0
  let entries = 0
  for (const sql of REBUILD_STATS_ROLLUPS) {
    const result = await knex.raw(sql)
    if (sql.startsWith("INSERT INTO coupon_stats_day")) {
      days += result.rowCount ?? 0
    } else if (sql.startsWith("INSERT INTO coupon_stats_distinct")) {
      entries += result.rowCount ?? 0
    }
  }
  return { days, entries }
}
