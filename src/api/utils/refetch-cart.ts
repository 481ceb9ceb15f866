import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** Medusa's store cart fields plus the applied coupon codes. */
export const storeCartFieldsWithCoupons = [
  "id",
  "currency_code",
  "email",
  "region_id",
  "customer_id",
  "sales_channel_id",
  "total",
  "subtotal",
  "tax_total",
  "discount_total",
  "discount_subtotal",
  "discount_tax_total",
  "original_total",
  "item_total",
  "item_subtotal",
  "shipping_total",
  "shipping_subtotal",
  "items.*",
  "items.adjustments.*",
  "items.tax_lines.*",
  "shipping_methods.*",
  "shipping_methods.adjustments.*",
  "promotions.id",
  "promotions.code",
  "coupon_codes.id",
  "coupon_codes.code",
]

export const refetchCartWithCoupons = async (
  container: MedusaContainer,
  cartId: string,
  fields?: string[]
) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: fields?.length ? fields : storeCartFieldsWithCoupons,
    filters: { id: cartId },
  })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${cartId}`)
  }
  return data[0]
}
