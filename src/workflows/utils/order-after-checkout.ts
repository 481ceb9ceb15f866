import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { OrderAfterCheckout } from "../../modules/coupon/ledger/redemption-after-checkout"

type Adjustment = { code: string | null; amount: number }
type OrderRow = {
  total: number
  summary?: { paid_total?: number; refunded_total?: number } | null
  items?: {
    quantity: number
    detail?: { return_received_quantity?: number; return_dismissed_quantity?: number } | null
    adjustments?: Adjustment[] | null
  }[]
  shipping_methods?: { adjustments?: Adjustment[] | null }[]
}

const FIELDS = [
  "id",
  "total",
  "summary.*",
  "items.quantity",
  "items.detail.return_received_quantity",
  "items.detail.return_dismissed_quantity",
  "items.adjustments.code",
  "items.adjustments.amount",
  "shipping_methods.adjustments.code",
  "shipping_methods.adjustments.amount",
]

/** The order as the ledger reads it after checkout (see redemptionAfterCheckout); null when it is gone. */
export const readOrderAfterCheckout = async (container: MedusaContainer, orderId: string): Promise<OrderAfterCheckout | null> => {
  const { data } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "order", fields: FIELDS, filters: { id: orderId } })
  const order = data[0] as OrderRow | undefined
  if (!order) {
    return null
  }
  return {
    total: Number(order.total ?? 0),
    items: (order.items ?? []).map((item) => ({
      quantity: Number(item.quantity),
      // Medusa's own totals take received and dismissed returns off a line
      returned_quantity: Number(item.detail?.return_received_quantity ?? 0) + Number(item.detail?.return_dismissed_quantity ?? 0),
      adjustments: item.adjustments ?? [],
    })),
    shipping_methods: (order.shipping_methods ?? []).map((method) => ({ adjustments: method.adjustments ?? [] })),
    paid_total: Number(order.summary?.paid_total ?? 0),
    refunded_total: Number(order.summary?.refunded_total ?? 0),
  }
}

/** The order a payment belongs to (through its payment collection), or null. */
export const orderOfPayment = async (container: MedusaContainer, paymentId: string): Promise<string | null> => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({ entity: "payment", fields: ["payment_collection_id"], filters: { id: paymentId } })
  const collectionId = (payments[0] as { payment_collection_id?: string } | undefined)?.payment_collection_id
  if (!collectionId) {
    return null
  }
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: collectionId },
  })
  return (links[0] as { order_id?: string } | undefined)?.order_id ?? null
}
