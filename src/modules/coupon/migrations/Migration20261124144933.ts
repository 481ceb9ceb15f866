import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261124144933 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_coupon_code_coupon_id_id" ON "coupon_code" ("coupon_id", "id") WHERE deleted_at IS NULL;`)

    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_redemption_redeemed_coupon_created" ON "coupon_redemption" ("coupon_id", "created_at") WHERE status = 'redeemed' AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_redemption_redeemed_created" ON "coupon_redemption" ("created_at") WHERE status = 'redeemed' AND deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_coupon_code_coupon_id_id";`)

    this.addSql(`drop index if exists "IDX_coupon_redemption_redeemed_coupon_created";`)
    this.addSql(`drop index if exists "IDX_coupon_redemption_redeemed_created";`)
  }
}
