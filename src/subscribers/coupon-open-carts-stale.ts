import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CouponEvents } from "../workflows/events"
import { OpenCartsScope, refreshOpenCarts } from "../workflows/utils/refresh-open-carts"

/** With open_carts_refresh "background": an edit's open carts, re-checked where subscribers run (a worker). */
export default async function couponOpenCartsStaleHandler({ event, container }: SubscriberArgs<OpenCartsScope>) {
  const refreshed = await refreshOpenCarts(container, event.data)
  const what = "coupon_id" in event.data ? `coupon ${event.data.coupon_id}` : `codes ${event.data.code_ids.join(", ")}`
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`medusa-plugin-coupons: ${refreshed} open cart(s) of ${what} re-checked`)
}

export const config: SubscriberConfig = { event: CouponEvents.OPEN_CARTS_STALE }
