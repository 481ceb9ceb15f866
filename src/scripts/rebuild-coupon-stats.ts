import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../modules/coupon"
import type CouponModuleService from "../modules/coupon/service"

/**
 * Recomputes the stats rollups from the ledger:
 *   npx medusa exec ./node_modules/medusa-plugin-coupons/.medusa/server/src/scripts/rebuild-coupon-stats.js
 * The migration that adds the rollups builds them once; run this after ledger
 * rows were written or moved outside the plugin (a data import, a restore of
 * one table). Checkouts and order changes wait while it runs (about a minute
 * per few million ledger rows).
 */
export default async function rebuildCouponStats({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const { days, entries } = await container.resolve<CouponModuleService>(COUPON_MODULE).rebuildCouponStats()
  logger.info(`coupon stats rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s: ${days} day rows, ${entries} distinct entries`)
}
