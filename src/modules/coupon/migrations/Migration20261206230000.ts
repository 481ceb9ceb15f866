import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { REBUILD_STATS_ROLLUPS } from "../repositories/stats-rollups"

/**
 * Daily rollups of the ledger, which the stats read instead of its rows (see
 * repositories/stats-rollups.ts), built here from the ledger as it stands.
 * Derived data kept by SQL only, so plain tables: no model, no `raw_` shadows.
 */
export class Migration20261206230000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "coupon_stats_day" ("scope" text not null, "day" date not null, "currency_code" text not null, "redemptions" integer not null default 0, "orders" integer not null default 0, "discount_total" numeric not null default 0, "discount_gross" numeric not null default 0, "revenue" numeric not null default 0, "revenue_gross" numeric not null default 0, "refunded_total" numeric not null default 0, constraint "coupon_stats_day_pkey" primary key ("scope", "day", "currency_code"));`
    )
    this.addSql(
      `create table if not exists "coupon_stats_distinct" ("scope" text not null, "kind" text not null check ("kind" in ('code', 'customer', 'known_customer', 'new_customer')), "day" date not null, "since" date not null, "keys" integer not null default 0, constraint "coupon_stats_distinct_pkey" primary key ("scope", "kind", "day", "since") include ("keys"));`
    )
    // a window without a start counts the keys' first days only
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_stats_distinct_first" ON "coupon_stats_distinct" ("scope", "kind", "day") WHERE "since" = '-infinity';`
    )
    // a key's neighbouring days, when a change rewrites its entries
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_redemption_live_code_created" ON "coupon_redemption" ("coupon_code_id", "created_at") WHERE status <> 'reverted' AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_redemption_live_redeemer_created" ON "coupon_redemption" ((COALESCE(customer_id, 'email:' || lower(email))), "created_at") WHERE status <> 'reverted' AND deleted_at IS NULL;`
    )
    for (const sql of REBUILD_STATS_ROLLUPS) {
      this.addSql(sql)
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_coupon_redemption_live_redeemer_created";`)
    this.addSql(`drop index if exists "IDX_coupon_redemption_live_code_created";`)
    this.addSql(`drop table if exists "coupon_stats_distinct" cascade;`)
    this.addSql(`drop table if exists "coupon_stats_day" cascade;`)
  }
}
