import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261124193858 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "coupon_distribution" ("id" text not null, "batch_id" text null, "customer_group_id" text null, "recipient_count" integer not null, "assigned_count" integer not null, "skipped_count" integer not null default 0, "created_by" text null, "coupon_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "coupon_distribution_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_distribution_coupon_id" ON "coupon_distribution" ("coupon_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_distribution_deleted_at" ON "coupon_distribution" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_distribution_coupon_id_created_at" ON "coupon_distribution" ("coupon_id", "created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "coupon_distribution" add constraint "coupon_distribution_coupon_id_foreign" foreign key ("coupon_id") references "coupon" ("id") on update cascade;`
    )

    this.addSql(`alter table if exists "coupon" drop constraint if exists "coupon_discount_type_check";`)

    this.addSql(
      `alter table if exists "coupon" add column if not exists "targets" jsonb null, add column if not exists "excluded_targets" jsonb null, add column if not exists "buy_targets" jsonb null, add column if not exists "buy_quantity" integer null, add column if not exists "get_quantity" integer null, add column if not exists "max_applications" integer null, add column if not exists "shipping_option_ids" text[] not null default '{}', add column if not exists "customer_group_ids" text[] not null default '{}', add column if not exists "first_order_only" boolean not null default false, add column if not exists "requires_login" boolean not null default false, add column if not exists "min_quantity" integer null, add column if not exists "min_matching_subtotal" numeric null, add column if not exists "budget_limits" jsonb null, add column if not exists "raw_min_matching_subtotal" jsonb null;`
    )
    this.addSql(
      `alter table if exists "coupon" add constraint "coupon_discount_type_check" check("discount_type" in ('percentage', 'fixed', 'free_shipping', 'buy_get'));`
    )
    this.addSql(
      `alter table if exists "coupon" add constraint coupon_buy_get_check check(discount_type <> 'buy_get' OR (buy_quantity >= 1 AND get_quantity >= 1 AND discount_value > 0 AND discount_value <= 100));`
    )
    this.addSql(
      `alter table if exists "coupon" add constraint coupon_max_applications_check check(max_applications IS NULL OR max_applications >= 1);`
    )
    this.addSql(`alter table if exists "coupon" add constraint coupon_min_quantity_check check(min_quantity IS NULL OR min_quantity >= 1);`)

    this.addSql(
      `alter table if exists "coupon_code" add column if not exists "assigned_customer_id" text null, add column if not exists "assigned_at" timestamptz null, add column if not exists "distribution_id" text null;`
    )
    this.addSql(
      `alter table if exists "coupon_code" add constraint "coupon_code_distribution_id_foreign" foreign key ("distribution_id") references "coupon_distribution" ("id") on update cascade on delete set null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_code_distribution_id" ON "coupon_code" ("distribution_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_code_unassigned" ON "coupon_code" ("coupon_id", "batch_id", "id") WHERE deleted_at IS NULL AND assigned_email IS NULL AND assigned_customer_id IS NULL AND usage_count = 0;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_code_coupon_id_assigned_email" ON "coupon_code" ("coupon_id", "assigned_email") WHERE deleted_at IS NULL AND assigned_email IS NOT NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "coupon_code" drop constraint if exists "coupon_code_distribution_id_foreign";`)

    this.addSql(`drop table if exists "coupon_distribution" cascade;`)

    this.addSql(`alter table if exists "coupon" drop constraint if exists "coupon_discount_type_check";`)

    this.addSql(`alter table if exists "coupon" drop constraint if exists coupon_buy_get_check;`)
    this.addSql(`alter table if exists "coupon" drop constraint if exists coupon_max_applications_check;`)
    this.addSql(`alter table if exists "coupon" drop constraint if exists coupon_min_quantity_check;`)
    this.addSql(
      `alter table if exists "coupon" drop column if exists "targets", drop column if exists "excluded_targets", drop column if exists "buy_targets", drop column if exists "buy_quantity", drop column if exists "get_quantity", drop column if exists "max_applications", drop column if exists "shipping_option_ids", drop column if exists "customer_group_ids", drop column if exists "first_order_only", drop column if exists "requires_login", drop column if exists "min_quantity", drop column if exists "min_matching_subtotal", drop column if exists "budget_limits", drop column if exists "raw_min_matching_subtotal";`
    )

    this.addSql(
      `alter table if exists "coupon" add constraint "coupon_discount_type_check" check("discount_type" in ('percentage', 'fixed', 'free_shipping'));`
    )

    this.addSql(`drop index if exists "IDX_coupon_code_distribution_id";`)
    this.addSql(`drop index if exists "IDX_coupon_code_unassigned";`)
    this.addSql(`drop index if exists "IDX_coupon_code_coupon_id_assigned_email";`)
    this.addSql(
      `alter table if exists "coupon_code" drop column if exists "assigned_customer_id", drop column if exists "assigned_at", drop column if exists "distribution_id";`
    )
  }
}
