import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261124203635 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "coupon_audit_entry" ("id" text not null, "action" text not null, "actor_id" text null, "actor_type" text null, "code_id" text null, "changes" jsonb null, "coupon_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "coupon_audit_entry_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_audit_entry_coupon_id" ON "coupon_audit_entry" ("coupon_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_audit_entry_deleted_at" ON "coupon_audit_entry" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_coupon_audit_entry_coupon_id_created_at" ON "coupon_audit_entry" ("coupon_id", "created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "coupon_audit_entry" add constraint "coupon_audit_entry_coupon_id_foreign" foreign key ("coupon_id") references "coupon" ("id") on update cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "coupon_audit_entry" cascade;`)
  }
}
