import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Values per currency (a fixed coupon's amounts, a percentage's caps, the minimum subtotals) combination classes and priority. */
export class Migration20261207030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "coupon" add column if not exists "amounts" jsonb null, add column if not exists "max_discount_amounts" jsonb null, add column if not exists "min_subtotals" jsonb null, add column if not exists "combines_with" jsonb null, add column if not exists "priority" integer not null default 0;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "coupon" drop column if exists "amounts", drop column if exists "max_discount_amounts", drop column if exists "min_subtotals", drop column if exists "combines_with", drop column if exists "priority";`
    )
  }
}
