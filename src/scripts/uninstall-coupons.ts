import { readdirSync } from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, DmlEntity, Modules, PromotionStatus } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { COUPON_MODULE } from "../modules/coupon"
import * as models from "../modules/coupon/models"
import type CouponModuleService from "../modules/coupon/service"
import { STATS_ROLLUP_TABLES } from "../modules/coupon/repositories/stats-rollups"
import { findAllCouponPromotions, findBackingPromotions } from "../workflows/utils/backing-promotion"

/** Coupons whose promotions are looked up per round. */
const COUPON_PAGE = 500

/** The module's own tables: its data models', and the stats rollups it keeps by SQL (DROP … CASCADE takes the foreign keys). */
const moduleTables = (): string[] => [
  ...Object.values(models)
    .filter((value): value is typeof models.Coupon => DmlEntity.isDmlEntity(value))
    .map((entity) => entity.parse().tableName),
  ...STATS_ROLLUP_TABLES,
]

const migrationNames = (): string[] =>
  readdirSync(path.join(__dirname, "..", "modules", "coupon", "migrations"))
    .map((file) => /^(Migration\d+)\.(js|ts)$/.exec(file)?.[1])
    .filter((name): name is string => !!name)

/**
 * Removes the plugin from a store's database, without prompts:
 *   npx medusa exec ./node_modules/medusa-plugin-coupons/.medusa/server/src/scripts/uninstall-coupons.js
 * Run it while the plugin is still in medusa-config, then remove the plugin
 * from the config. It deactivates the coupons' backing promotions (else they
 * stay active as plain, unlimited promotions), then drops the plugin's link
 * and module tables and forgets its migrations, in one transaction.
 * Orders keep their discounts and adjustments; the ledger is gone, so export
 * redemptions first (`GET /admin/coupons/:id/redemptions/export`).
 */
export default async function uninstallCoupons({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)

  const { rows: linkTables } = await knex.raw<{ rows: { table_name: string }[] }>(
    `SELECT table_name FROM link_module_migrations
     WHERE link_descriptor->>'fromModule' = ? OR link_descriptor->>'toModule' = ?`,
    [COUPON_MODULE, COUPON_MODULE]
  )
  // every coupon's promotions, deleted coupons' too (their backing promotion may still be active)
  const { rows: coupons } = await knex.raw<{ rows: { id: string }[] }>(`SELECT id FROM coupon`)
  let deactivated = 0
  for (let start = 0; start < coupons.length; start += COUPON_PAGE) {
    const ids = coupons.slice(start, start + COUPON_PAGE).map((coupon) => coupon.id)
    const linked = await findBackingPromotions(container, ids)
    const promotionModule = container.resolve(Modules.PROMOTION)
    // with the currency pairs, found by code; a deleted coupon's promotions may be deleted already: only the live ones change
    const live = await findAllCouponPromotions(
      container,
      linked.filter((promotion) => !promotion.tax_inclusive).map((promotion) => promotion.code)
    )
    if (live.length) {
      await promotionModule.updatePromotions(live.map((promotion) => ({ id: promotion.id, status: PromotionStatus.INACTIVE })))
      deactivated += live.length
    }
  }
  logger.info(`medusa-plugin-coupons: deactivated ${deactivated} backing promotions`)

  let dropped = 0
  await knex.transaction(async (trx) => {
    for (const { table_name } of linkTables) {
      await trx.raw(`DROP TABLE IF EXISTS ?? CASCADE`, [table_name])
    }
    await trx.raw(`DELETE FROM link_module_migrations WHERE table_name = ANY(?::text[])`, [linkTables.map((link) => link.table_name)])
    // the failed-attempt limiter's counters (a table its PostgreSQL store makes on first use)
    const rateLimitTable = container.resolve<CouponModuleService>(COUPON_MODULE).getOptions().rate_limit.store_prefix
    const tables = [...moduleTables(), rateLimitTable]
    for (const table of tables) {
      await trx.raw(`DROP TABLE IF EXISTS ?? CASCADE`, [table])
    }
    await trx.raw(`DELETE FROM mikro_orm_migrations WHERE name = ANY(?::text[])`, [migrationNames()])
    dropped = tables.length
  })
  logger.info(
    `medusa-plugin-coupons: dropped ${linkTables.length} link tables and ${dropped} module tables; remove the plugin from medusa-config now`
  )
}
