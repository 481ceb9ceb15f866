import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261124140422 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "coupon_redemption" drop constraint if exists "coupon_redemption_order_code_unique";`)
    this.addSql(`alter table if exists "coupon_customer_usage" drop constraint if exists "coupon_customer_usage_unique";`)
    this.addSql(`alter table if exists "coupon_code" drop constraint if exists "coupon_code_code_unique";`)
    this.addSql(
      `create table if not exists "coupon" ("id" text not null, "name" text not null, "description" text null, "status" text check ("status" in ('draft', 'active', 'inactive', 'archived')) not null default 'draft', "discount_type" text check ("discount_type" in ('percentage', 'fixed', 'free_shipping')) not null, "discount_value" numeric not null, "currency_code" text null, "max_discount_amount" numeric null, "target" text check ("target" in ('order', 'items', 'shipping')) not null default 'order', "starts_at" timestamptz null, "ends_at" timestamptz null, "usage_limit" integer null, "usage_count" integer not null default 0, "usage_limit_per_customer" integer null, "min_subtotal" numeric null, "allowed_email_domains" text[] not null default '{}', "sales_channel_ids" text[] not null default '{}', "region_ids" text[] not null default '{}', "currency_codes" text[] not null default '{}', "combinable" boolean not null default false, "metadata" jsonb null, "raw_discount_value" jsonb not null, "raw_max_discount_amount" jsonb null, "raw_min_subtotal" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "coupon_pkey" primary key ("id"), constraint coupon_usage_count_check check (usage_count >= 0), constraint coupon_usage_limit_check check (usage_limit IS NULL OR (usage_limit >= 1 AND usage_count <= usage_limit)), constraint coupon_usage_limit_per_customer_check check (usage_limit_per_customer IS NULL OR usage_limit_per_customer >= 1), constraint coupon_discount_value_check check (discount_value >= 0 AND (discount_type <> 'percentage' OR discount_value <= 100)), constraint coupon_fixed_currency_check check (discount_type <> 'fixed' OR currency_code IS NOT NULL), constraint coupon_dates_check check (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_coupon_deleted_at" ON "coupon" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_status_starts_at_ends_at" ON "coupon" ("status", "starts_at", "ends_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "coupon_code_batch" ("id" text not null, "requested_count" integer not null, "generated_count" integer not null default 0, "settings" jsonb not null, "status" text check ("status" in ('pending', 'running', 'completed', 'failed')) not null default 'pending', "error" text null, "completed_at" timestamptz null, "coupon_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "coupon_code_batch_pkey" primary key ("id"), constraint coupon_code_batch_count_check check (requested_count BETWEEN 1 AND 1000000), constraint coupon_code_batch_generated_check check (generated_count >= 0 AND generated_count <= requested_count));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_code_batch_coupon_id" ON "coupon_code_batch" ("coupon_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_code_batch_deleted_at" ON "coupon_code_batch" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "coupon_code" ("id" text not null, "code" text not null, "status" text check ("status" in ('active', 'disabled')) not null default 'active', "usage_limit" integer null, "usage_count" integer not null default 0, "expires_at" timestamptz null, "assigned_email" text null, "metadata" jsonb null, "coupon_id" text not null, "batch_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "coupon_code_pkey" primary key ("id"), constraint coupon_code_usage_count_check check (usage_count >= 0), constraint coupon_code_usage_limit_check check (usage_limit IS NULL OR (usage_limit >= 1 AND usage_count <= usage_limit)), constraint coupon_code_normalized_check check (code = upper(btrim(code)) AND length(code) BETWEEN 3 AND 64));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_coupon_code_coupon_id" ON "coupon_code" ("coupon_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_coupon_code_batch_id" ON "coupon_code" ("batch_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_coupon_code_deleted_at" ON "coupon_code" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_coupon_code_code_unique" ON "coupon_code" ("code") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_code_coupon_id_status" ON "coupon_code" ("coupon_id", "status") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "coupon_customer_usage" ("id" text not null, "customer_key" text not null, "usage_count" integer not null default 0, "coupon_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "coupon_customer_usage_pkey" primary key ("id"), constraint coupon_customer_usage_count_check check (usage_count >= 0));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_customer_usage_coupon_id" ON "coupon_customer_usage" ("coupon_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_customer_usage_deleted_at" ON "coupon_customer_usage" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_coupon_customer_usage_unique" ON "coupon_customer_usage" ("coupon_id", "customer_key") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "coupon_redemption" ("id" text not null, "code" text not null, "order_id" text not null, "cart_id" text null, "customer_id" text null, "email" text null, "customer_keys" text[] not null default '{}', "discount_amount" numeric not null, "order_total" numeric null, "currency_code" text not null, "status" text check ("status" in ('redeemed', 'reverted')) not null default 'redeemed', "reverted_at" timestamptz null, "coupon_id" text not null, "coupon_code_id" text not null, "raw_discount_amount" jsonb not null, "raw_order_total" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "coupon_redemption_pkey" primary key ("id"), constraint coupon_redemption_discount_check check (discount_amount >= 0));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_redemption_coupon_id" ON "coupon_redemption" ("coupon_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_redemption_coupon_code_id" ON "coupon_redemption" ("coupon_code_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_redemption_deleted_at" ON "coupon_redemption" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_coupon_redemption_order_code_unique" ON "coupon_redemption" ("order_id", "coupon_code_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_redemption_coupon_id_created_at" ON "coupon_redemption" ("coupon_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_redemption_customer_id" ON "coupon_redemption" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_coupon_redemption_order_id" ON "coupon_redemption" ("order_id") WHERE deleted_at IS NULL;`)

    this.addSql(
      `alter table if exists "coupon_code_batch" add constraint "coupon_code_batch_coupon_id_foreign" foreign key ("coupon_id") references "coupon" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "coupon_code" add constraint "coupon_code_coupon_id_foreign" foreign key ("coupon_id") references "coupon" ("id") on update cascade on delete cascade;`
    )
    this.addSql(
      `alter table if exists "coupon_code" add constraint "coupon_code_batch_id_foreign" foreign key ("batch_id") references "coupon_code_batch" ("id") on update cascade on delete set null;`
    )

    this.addSql(
      `alter table if exists "coupon_customer_usage" add constraint "coupon_customer_usage_coupon_id_foreign" foreign key ("coupon_id") references "coupon" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "coupon_redemption" add constraint "coupon_redemption_coupon_id_foreign" foreign key ("coupon_id") references "coupon" ("id") on update cascade;`
    )
    this.addSql(
      `alter table if exists "coupon_redemption" add constraint "coupon_redemption_coupon_code_id_foreign" foreign key ("coupon_code_id") references "coupon_code" ("id") on update cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "coupon_code_batch" drop constraint if exists "coupon_code_batch_coupon_id_foreign";`)

    this.addSql(`alter table if exists "coupon_code" drop constraint if exists "coupon_code_coupon_id_foreign";`)

    this.addSql(`alter table if exists "coupon_customer_usage" drop constraint if exists "coupon_customer_usage_coupon_id_foreign";`)

    this.addSql(`alter table if exists "coupon_redemption" drop constraint if exists "coupon_redemption_coupon_id_foreign";`)

    this.addSql(`alter table if exists "coupon_code" drop constraint if exists "coupon_code_batch_id_foreign";`)

    this.addSql(`alter table if exists "coupon_redemption" drop constraint if exists "coupon_redemption_coupon_code_id_foreign";`)

    this.addSql(`drop table if exists "coupon" cascade;`)

    this.addSql(`drop table if exists "coupon_code_batch" cascade;`)

    this.addSql(`drop table if exists "coupon_code" cascade;`)

    this.addSql(`drop table if exists "coupon_customer_usage" cascade;`)

    this.addSql(`drop table if exists "coupon_redemption" cascade;`)
  }
}
