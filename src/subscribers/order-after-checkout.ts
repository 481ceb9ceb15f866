import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adjustOrderRedemptionsWorkflow } from "../workflows/adjust-order-redemptions"
import { orderOfPayment } from "../workflows/utils/order-after-checkout"

/** The events after which an order's lines, totals or refunds may have changed. */
const ORDER_EVENTS = ["order.return_received", "order.exchange_created", "order.claim_created", "order-edit.confirmed"]
const PAYMENT_REFUNDED = "payment.refunded"

export default async function orderAfterCheckoutHandler({ event, container }: SubscriberArgs<{ id?: string; order_id?: string }>) {
  const orderId = event.name === PAYMENT_REFUNDED ? await orderOfPayment(container, event.data.id!) : event.data.order_id
  if (!orderId) {
    return
  }
  const { result } = await adjustOrderRedemptionsWorkflow(container).run({ input: { order_id: orderId } })
  if (result.length) {
    // on the instance that runs subscribers (a worker, in a split deployment)
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`medusa-plugin-coupons: order ${orderId} after ${event.name}, ${result.length} redemption(s) adjusted`)
  }
}

export const config: SubscriberConfig = { event: [...ORDER_EVENTS, PAYMENT_REFUNDED] }
