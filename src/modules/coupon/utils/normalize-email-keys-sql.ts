/**
 * Data only (no schema change): per-customer keys of email addresses move to
 * the alias-free form of `normalize_email_aliases` (see utils/email-key.ts,
 * which must give the same key): lower-cased, `+tag` dropped, dots dropped at
 * gmail.com, googlemail.com read as gmail.com. Counters whose keys collapse
 * into one are merged by adding their counts; the ledger's keys follow, so a
 * revert still finds its counter.
 */
export const normalizeEmailKeysSql = [
  // dropped again below; a plain function, so each statement works on whichever connection runs it
  `create or replace function coupon_email_key_20261201(k text) returns text language sql immutable as $$
    select case when p.m is null then k else
      'email:'
      || case when p.m[2] in ('gmail.com', 'googlemail.com')
           then coalesce(nullif(replace(p.l, '.', ''), ''), p.l) else p.l end
      || '@'
      || case when p.m[2] = 'googlemail.com' then 'gmail.com' else p.m[2] end
    end
    from (
      select s.m, coalesce(nullif(split_part(s.m[1], '+', 1), ''), s.m[1]) as l
      from (select case when k like 'email:%' then regexp_match(lower(btrim(substr(k, 7))), '^(.+)@([^@]*)$') end as m) s
    ) p
  $$;`,
  // one row per new key survives (the one already spelled so, if any) and carries the sum of the counts
  `with keyed as (
      select id, customer_key, usage_count, coupon_email_key_20261201(customer_key) as new_key, coupon_id
      from coupon_customer_usage
      where deleted_at is null and customer_key like 'email:%'
    ), ranked as (
      select *, first_value(id) over (partition by coupon_id, new_key order by (customer_key = new_key) desc, id) as keep_id
      from keyed
    ), totals as (
      select keep_id, new_key, sum(usage_count)::int as total from ranked group by keep_id, new_key
    ), merged_away as (
      delete from coupon_customer_usage u using ranked r where u.id = r.id and r.id <> r.keep_id returning u.id
    )
    update coupon_customer_usage u
    set customer_key = t.new_key, usage_count = t.total, updated_at = now()
    from totals t
    where u.id = t.keep_id and (u.customer_key <> t.new_key or u.usage_count <> t.total);`,
  `update coupon_redemption r
    set customer_keys = array(
      select y.key from (
        select distinct on (coupon_email_key_20261201(x.k)) coupon_email_key_20261201(x.k) as key, x.n
        from unnest(r.customer_keys) with ordinality as x(k, n)
        order by coupon_email_key_20261201(x.k), x.n
      ) y order by y.n
    )
    where exists (select 1 from unnest(r.customer_keys) as e(k) where e.k like 'email:%' and e.k <> coupon_email_key_20261201(e.k));`,
  `drop function if exists coupon_email_key_20261201(text);`,
]
