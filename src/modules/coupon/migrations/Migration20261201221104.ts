import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** A distribution can give its codes a relative expiry (days from the hand-out). */
export class Migration20261201221104 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "coupon_distribution" add column if not exists "valid_for_days" integer null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "coupon_distribution" drop column if exists "valid_for_days";`)
  }
}
