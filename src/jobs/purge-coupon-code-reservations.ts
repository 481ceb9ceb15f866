import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../modules/coupon"
import type CouponModuleService from "../modules/coupon/service"

/**
 * Tidies the rows of expired code reservations. Nothing waits for it: an
 * expired reservation already counts as free in every check.
 */
export default async function purgeCouponCodeReservations(container: MedusaContainer) {
  const purged = await container.resolve<CouponModuleService>(COUPON_MODULE).purgeExpiredReservations()
  if (purged) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`Deleted ${purged} expired coupon code reservations`)
  }
}

export const config = {
  name: "purge-coupon-code-reservations",
  schedule: "41 * * * *",
}
