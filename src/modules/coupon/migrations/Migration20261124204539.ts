import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261124204539 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "coupon_code_reveal" ("id" text not null, "batch_id" text not null, "code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "coupon_code_reveal_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_code_reveal_deleted_at" ON "coupon_code_reveal" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_code_reveal_batch_id" ON "coupon_code_reveal" ("batch_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(`alter table if exists "coupon_code" add column if not exists "code_last4" text null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "coupon_code_reveal" cascade;`)

    this.addSql(`alter table if exists "coupon_code" drop column if exists "code_last4";`)
  }
}
