import { Migration } from "@medusajs/framework/mikro-orm/migrations"
// the SQL lives beside the email key function: Medusa takes a migration file's first export as its class
import { normalizeEmailKeysSql } from "../utils/normalize-email-keys-sql"

export class Migration20261201143000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of normalizeEmailKeysSql) {
      this.addSql(sql)
    }
  }

  override async down(): Promise<void> {
    // the original spellings are not kept: nothing to restore
  }
}
