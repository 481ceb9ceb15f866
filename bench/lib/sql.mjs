// The raw SQL the bench compares against and seeds with.

/**
 * The floor: one INSERT … SELECT of `count` random codes into coupon_code,
 * skipping collisions, with the cheapest expressions PostgreSQL offers (a
 * serial id, 15 random digits), so that it measures little but the inserts
 * and their index updates.
 */
export const FLOOR_INSERT = `
  INSERT INTO coupon_code (id, code, coupon_id, usage_limit)
  SELECT 'cpncode_floor_' || g,
         'F' || lpad(((random() * 1e15)::bigint)::text, 15, '0'),
         ?, 1
  FROM generate_series(1, ?::int) AS g
  ON CONFLICT (code) WHERE deleted_at IS NULL DO NOTHING`

/**
 * `count` ledger rows over the first codes of a coupon: 20,000 customers,
 * one order each row, spread over 90 days, one in twenty reverted.
 */
export const SEED_REDEMPTIONS = `
  INSERT INTO coupon_redemption
    (id, code, order_id, customer_id, email, customer_keys, discount_amount, raw_discount_amount,
     order_total, raw_order_total, currency_code, status, reverted_at, coupon_id, coupon_code_id, created_at)
  SELECT 'cpnred_' || md5(c.n::text || random()::text), c.code, 'order_bench_' || c.n,
         'cus_bench_' || (c.n % 20000), 'shopper' || (c.n % 20000) || '@bench.local', ARRAY['customer:cus_bench_' || (c.n % 20000)],
         (c.n % 50) + 1, jsonb_build_object('value', ((c.n % 50) + 1)::text, 'precision', 20),
         (c.n % 400) + 50, jsonb_build_object('value', ((c.n % 400) + 50)::text, 'precision', 20),
         'usd', CASE WHEN c.n % 20 = 0 THEN 'reverted' ELSE 'redeemed' END,
         CASE WHEN c.n % 20 = 0 THEN now() ELSE NULL END,
         c.coupon_id, c.id, now() - ((c.n % 90) * interval '1 day') - ((c.n % 1440) * interval '1 minute')
  FROM (
    SELECT id, code, coupon_id, row_number() OVER (ORDER BY id) AS n
    FROM coupon_code WHERE coupon_id = ? AND deleted_at IS NULL
    ORDER BY id LIMIT ?::int
  ) AS c`

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

/**
 * `count` ledger rows over the coupons of `codes` (a temp table of
 * (coupon_n, n, coupon_id, code_id, code): each coupon's codes numbered from 0),
 * spread over the two years before now. Orders are pseudo-random but fixed by
 * their number: one in twenty has a second row on the next coupon; customers
 * come back (200,000 accounts and 20,000 guest emails); one order in ten is in
 * EUR; 3 % reverted, 5 % partly returned and refunded; the first-order flag
 * true, false or unknown.
 */
export const SEED_LEDGER = `
  INSERT INTO coupon_redemption
    (id, code, order_id, customer_id, email, customer_keys, discount_amount, raw_discount_amount,
     order_total, raw_order_total, original_discount_amount, raw_original_discount_amount,
     original_order_total, raw_original_order_total, returned_discount_amount, raw_returned_discount_amount,
     refunded_amount, raw_refunded_amount, currency_code, status, reverted_at, first_order,
     coupon_id, coupon_code_id, created_at, updated_at)
  SELECT 'cpnred_bench_' || o.g, c.code, 'order_bench_' || o.o,
         CASE WHEN o.guest THEN NULL ELSE 'cus_bench_' || o.who END,
         CASE WHEN o.guest THEN 'guest' || o.who || '@bench.local' END,
         ARRAY[CASE WHEN o.guest THEN 'email:guest' || o.who || '@bench.local' ELSE 'customer:cus_bench_' || o.who END],
         o.kept, jsonb_build_object('value', o.kept::text, 'precision', 20),
         o.total_now, jsonb_build_object('value', o.total_now::text, 'precision', 20),
         o.discount, jsonb_build_object('value', o.discount::text, 'precision', 20),
         o.total, jsonb_build_object('value', o.total::text, 'precision', 20),
         o.discount - o.kept, jsonb_build_object('value', (o.discount - o.kept)::text, 'precision', 20),
         o.refunded, jsonb_build_object('value', o.refunded::text, 'precision', 20),
         o.currency, o.status, CASE WHEN o.status = 'reverted' THEN o.at + interval '3 days' END, o.first_order,
         c.coupon_id, c.code_id, o.at, o.at
  FROM (
    SELECT g, o, second, h1, h2, guest, who, at, currency, status, first_order, coupon_n, discount, total,
           CASE WHEN status = 'partially_returned' THEN round(discount / 2, 2) ELSE discount END AS kept,
           CASE WHEN status = 'partially_returned' THEN round(total / 2, 2) ELSE total END AS total_now,
           CASE WHEN status = 'partially_returned' THEN round(total / 4, 2) ELSE 0 END AS refunded
    FROM (
      SELECT g, o, second, h1, h2,
             (h2 % 10) = 0 AS guest,
             CASE WHEN (h2 % 10) = 0 THEN (h1 / 7) % 20000 ELSE (h1 / 7) % 200000 END AS who,
             now() - ((h1 % (730 * 86400)) * interval '1 second') AS at,
             CASE WHEN o % 10 = 0 THEN 'eur' ELSE 'usd' END AS currency,
             CASE WHEN (h2 / 10) % 100 < 3 THEN 'reverted' WHEN (h2 / 10) % 100 < 8 THEN 'partially_returned' ELSE 'redeemed' END AS status,
             CASE (h2 / 1000) % 3 WHEN 0 THEN true WHEN 1 THEN false END AS first_order,
             ((h1 / 13) % ?::int + second) % ?::int AS coupon_n,
             round(((h2 / 3) % 5000 + 100) / 100.0, 2) AS discount,
             round(((h1 / 11) % 50000 + 2000) / 100.0, 2) AS total
      FROM (
        SELECT g, o, (g <> o)::int AS second,
               abs(hashint8extended(o, 1)) AS h1, abs(hashint8extended(o, 2)) AS h2
        FROM (SELECT g, CASE WHEN g % 20 = 0 THEN g - 1 ELSE g END AS o FROM generate_series(?::bigint, ?::bigint) AS g) s
      ) h
    ) r
  ) o
  JOIN bench_codes c ON c.coupon_n = o.coupon_n AND c.n = (o.g % c.codes)`
