import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * The order a cart became, read the way Medusa's completeCartWorkflow decides
 * whether to create one (the order ↔ cart link), so the plugin and Medusa
 * always agree on "this cart is already an order".
 */
export const orderIdOfCart = async (container: MedusaContainer, cartId: string): Promise<string | undefined> => {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order_cart",
    fields: ["order_id"],
    filters: { cart_id: cartId },
  })
  return (data[0] as { order_id?: string } | undefined)?.order_id
}
