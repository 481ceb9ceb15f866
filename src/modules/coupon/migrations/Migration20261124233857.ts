import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261124233857 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_coupon_redemption_redeemed_coupon_created";`)

    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_redemption_redeemed_coupon_created_discount" ON "coupon_redemption" ("coupon_id", "created_at", "discount_amount") WHERE status = 'redeemed' AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_redemption_redeemed_coupon_order_total" ON "coupon_redemption" ("coupon_id", "order_id", "order_total") WHERE status = 'redeemed' AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_redemption_redeemed_coupon_code" ON "coupon_redemption" ("coupon_id", "coupon_code_id") WHERE status = 'redeemed' AND deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_coupon_redemption_redeemed_coupon_created_discount";`)
    this.addSql(`drop index if exists "IDX_coupon_redemption_redeemed_coupon_order_total";`)
    this.addSql(`drop index if exists "IDX_coupon_redemption_redeemed_coupon_code";`)

    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_redemption_redeemed_coupon_created" ON "coupon_redemption" ("coupon_id", "created_at") WHERE status = 'redeemed' AND deleted_at IS NULL;`
    )
  }
}
