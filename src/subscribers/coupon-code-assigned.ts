import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../modules/coupon"
import type CouponModuleService from "../modules/coupon/service"
import { CouponEvents } from "../workflows/events"

export type CodeAssignedEvent = {
  coupon_id: string
  distribution_id: string
  code_id: string
  code: string
  email: string | null
  customer_id: string | null
  /** the code's own expiry (a distribution's valid_for_days), ISO; null for none */
  expires_at?: string | null
}

/**
 * Sends a distributed code to its recipient through the Notification Module,
 * with the template named in the plugin options (`code_assigned_template`).
 * A store without a notification provider for the channel just skips it.
 */
export default async function couponCodeAssignedHandler({ event, container }: SubscriberArgs<CodeAssignedEvent>) {
  const service = container.resolve<CouponModuleService>(COUPON_MODULE)
  const { code_assigned_template: template, code_assigned_channel: channel } = service.getOptions()
  const { data } = event
  if (!template || !data.email) {
    return
  }
  if (!container.hasRegistration(Modules.NOTIFICATION)) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`medusa-plugin-coupons: code ${data.code_id} was assigned to ${data.email}, but no Notification Module is installed to send it`)
    return
  }
  const coupon = await service.retrieveCoupon(data.coupon_id, {
    select: ["id", "name", "description", "discount_type", "discount_value", "currency_code", "ends_at"],
  })
  await container.resolve<INotificationModuleService>(Modules.NOTIFICATION).createNotifications({
    to: data.email,
    channel,
    template,
    trigger_type: CouponEvents.CODE_ASSIGNED,
    resource_id: data.code_id,
    resource_type: "coupon_code",
    receiver_id: data.customer_id ?? undefined,
    // a redelivered event does not send the code twice
    idempotency_key: `coupon-code-assigned:${data.distribution_id}:${data.code_id}`,
    data: {
      code: data.code,
      coupon_name: coupon.name,
      coupon_description: coupon.description,
      discount_type: coupon.discount_type,
      discount_value: Number(coupon.discount_value),
      currency_code: coupon.currency_code,
      ends_at: coupon.ends_at,
      // the code's own end, when it comes before the coupon's (a relative expiry)
      expires_at: data.expires_at ?? null,
    },
  })
  // on the instance that runs subscribers (a worker, in a split deployment)
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`medusa-plugin-coupons: code ${data.code_id} of distribution ${data.distribution_id} sent to its recipient`)
}

export const config: SubscriberConfig = { event: CouponEvents.CODE_ASSIGNED }
