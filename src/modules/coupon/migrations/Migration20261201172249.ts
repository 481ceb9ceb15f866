import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261201172249 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "coupon_cart_shopper" drop constraint if exists "coupon_cart_shopper_unique";`)
    this.addSql(
      `create table if not exists "coupon_cart_shopper" ("id" text not null, "cart_id" text not null, "customer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "coupon_cart_shopper_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_cart_shopper_deleted_at" ON "coupon_cart_shopper" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_coupon_cart_shopper_unique" ON "coupon_cart_shopper" ("cart_id", "customer_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "coupon_cart_shopper" cascade;`)
  }
}
