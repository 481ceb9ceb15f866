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
