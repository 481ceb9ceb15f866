import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// the partial indexes the stats read: every row not reverted counts now
const STATS_INDEXES: [string, string][] = [
  ["IDX_coupon_redemption_redeemed_coupon_created_discount", `"coupon_id", "created_at", "discount_amount"`],
  ["IDX_coupon_redemption_redeemed_coupon_order_total", `"coupon_id", "order_id", "order_total"`],
  ["IDX_coupon_redemption_redeemed_coupon_code", `"coupon_id", "coupon_code_id"`],
  ["IDX_coupon_redemption_redeemed_created", `"created_at"`],
]

/** The ledger follows the order after checkout: returned and refunded amounts, the checkout's amounts, when usage went back; new or returning customer. */
export class Migration20261201213632 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "coupon_redemption" drop constraint if exists "coupon_redemption_status_check";`)
    this.addSql(
      `alter table if exists "coupon_redemption" add column if not exists "original_discount_amount" numeric null, add column if not exists "original_order_total" numeric null, add column if not exists "returned_discount_amount" numeric not null default 0, add column if not exists "refunded_amount" numeric not null default 0, add column if not exists "usage_released_at" timestamptz null, add column if not exists "first_order" boolean null, add column if not exists "raw_original_discount_amount" jsonb null, add column if not exists "raw_original_order_total" jsonb null, add column if not exists "raw_returned_discount_amount" jsonb not null default '{"value":"0","precision":20}', add column if not exists "raw_refunded_amount" jsonb not null default '{"value":"0","precision":20}';`
    )
    this.addSql(
      `alter table if exists "coupon_redemption" add constraint "coupon_redemption_status_check" check("status" in ('redeemed', 'partially_returned', 'returned', 'reverted'));`
    )
    // rows from before: their checkout amounts are their amounts; a reverted row gave its usage back when it was reverted
    this.addSql(
      `update "coupon_redemption" set original_discount_amount = discount_amount, raw_original_discount_amount = raw_discount_amount, original_order_total = order_total, raw_original_order_total = raw_order_total, usage_released_at = case when status = 'reverted' then coalesce(reverted_at, updated_at) else null end where original_discount_amount is null;`
    )
    for (const [name, columns] of STATS_INDEXES) {
      this.addSql(`drop index if exists "${name}";`)
      this.addSql(
        `CREATE INDEX IF NOT EXISTS "${name}" ON "coupon_redemption" (${columns}) WHERE status <> 'reverted' AND deleted_at IS NULL;`
      )
    }
  }

  override async down(): Promise<void> {
    for (const [name, columns] of STATS_INDEXES) {
      this.addSql(`drop index if exists "${name}";`)
      this.addSql(
        `CREATE INDEX IF NOT EXISTS "${name}" ON "coupon_redemption" (${columns}) WHERE status = 'redeemed' AND deleted_at IS NULL;`
      )
    }
    this.addSql(`update "coupon_redemption" set status = 'redeemed' where status in ('partially_returned', 'returned');`)
    this.addSql(`alter table if exists "coupon_redemption" drop constraint if exists "coupon_redemption_status_check";`)
    this.addSql(
      `alter table if exists "coupon_redemption" drop column if exists "original_discount_amount", drop column if exists "original_order_total", drop column if exists "returned_discount_amount", drop column if exists "refunded_amount", drop column if exists "usage_released_at", drop column if exists "first_order", drop column if exists "raw_original_discount_amount", drop column if exists "raw_original_order_total", drop column if exists "raw_returned_discount_amount", drop column if exists "raw_refunded_amount";`
    )
    this.addSql(
      `alter table if exists "coupon_redemption" add constraint "coupon_redemption_status_check" check("status" in ('redeemed', 'reverted'));`
    )
  }
}
