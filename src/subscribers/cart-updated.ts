import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { dropInapplicableCodes } from "../workflows/utils/drop-inapplicable-codes"

/** A changed cart may no longer qualify for its codes (subtotal, email, region, customer). */
export default async function cartUpdatedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await dropInapplicableCodes(container, event.data.id)
}

export const config: SubscriberConfig = { event: "cart.updated" }
