import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../modules/coupon"
import type CouponModuleService from "../modules/coupon/service"
import { revertCouponRedemptionsWorkflow } from "../workflows/revert-coupon-redemptions"

export default async function orderCanceledHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const options = container.resolve<CouponModuleService>(COUPON_MODULE).getOptions()
  if (!(options.give_back.cancel ?? options.revert_usage_on_cancel)) {
    return
  }
  const { result } = await revertCouponRedemptionsWorkflow(container).run({ input: { order_id: event.data.id } })
  if (result.length) {
    // on the instance that runs subscribers (a worker, in a split deployment)
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`medusa-plugin-coupons: order ${event.data.id} canceled, ${result.length} redemption(s) given back`)
  }
}

export const config: SubscriberConfig = { event: "order.canceled" }
