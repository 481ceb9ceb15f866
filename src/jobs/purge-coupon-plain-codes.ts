import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../modules/coupon"
import type CouponModuleService from "../modules/coupon/service"

/**
 * Deletes the plain codes of hashed batches whose download window
 * (`plain_codes_retention_days` after completion, 7 by default) has passed
 * without the admin confirming receipt, and those of failed batches.
 */
export default async function purgeCouponPlainCodes(container: MedusaContainer) {
  const purged = await container.resolve<CouponModuleService>(COUPON_MODULE).purgeRevealedCodes()
  if (purged) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`Deleted ${purged} plain coupon codes past their download window`)
  }
}

export const config = {
  name: "purge-coupon-plain-codes",
  schedule: "17 * * * *",
}
