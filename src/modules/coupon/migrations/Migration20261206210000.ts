import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Periodic caps: a coupon's usage_limit and usage_limit_per_customer can count
 * per day, week or month (the store's calendar); each period has its counter
 * rows, and each ledger row remembers the ones it incremented.
 */
export class Migration20261206210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "coupon" add column if not exists "usage_limit_period" text check ("usage_limit_period" in ('day', 'week', 'month')) null, add column if not exists "usage_limit_per_customer_period" text check ("usage_limit_per_customer_period" in ('day', 'week', 'month')) null;`
    )
    // a periodic cap lets the all-time count pass the limit
    this.addSql(`alter table if exists "coupon" drop constraint if exists "coupon_usage_limit_check";`)
    this.addSql(
      `alter table if exists "coupon" add constraint "coupon_usage_limit_check" check (usage_limit IS NULL OR (usage_limit >= 1 AND (usage_limit_period IS NOT NULL OR usage_count <= usage_limit)));`
    )
    this.addSql(`alter table if exists "coupon_redemption" add column if not exists "period_counts" jsonb null;`)
    this.addSql(
      `create table if not exists "coupon_period_usage" ("id" text not null, "coupon_id" text not null, "scope_key" text not null, "period" text check ("period" in ('day', 'week', 'month')) not null, "period_start" text not null, "usage_count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "coupon_period_usage_pkey" primary key ("id"), constraint coupon_period_usage_count_check check (usage_count >= 0));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_coupon_period_usage_unique" ON "coupon_period_usage" ("coupon_id", "scope_key", "period", "period_start") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_period_usage_deleted_at" ON "coupon_period_usage" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "coupon_period_usage" cascade;`)
    this.addSql(`alter table if exists "coupon_redemption" drop column if exists "period_counts";`)
    this.addSql(`alter table if exists "coupon" drop constraint if exists "coupon_usage_limit_check";`)
    this.addSql(
      `alter table if exists "coupon" add constraint "coupon_usage_limit_check" check (usage_limit IS NULL OR (usage_limit >= 1 AND usage_count <= usage_limit));`
    )
    this.addSql(
      `alter table if exists "coupon" drop column if exists "usage_limit_period", drop column if exists "usage_limit_per_customer_period";`
    )
  }
}
