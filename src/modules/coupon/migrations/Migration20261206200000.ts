import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Single-use codes are held by the cart that applied them for `reservation_minutes`. */
export class Migration20261206200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "coupon_code_reservation" ("id" text not null, "coupon_code_id" text not null, "cart_id" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "coupon_code_reservation_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_coupon_code_reservation_code" ON "coupon_code_reservation" ("coupon_code_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_code_reservation_cart" ON "coupon_code_reservation" ("cart_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_code_reservation_expires_at" ON "coupon_code_reservation" ("expires_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_code_reservation_deleted_at" ON "coupon_code_reservation" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "coupon_code_reservation" cascade;`)
  }
}
