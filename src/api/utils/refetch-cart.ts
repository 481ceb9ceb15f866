import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { type ShopperCode, withShopperCodes } from "../store/utils/shopper-promotion-codes"

/** Medusa's store cart fields plus the applied coupon codes. */
export const storeCartFieldsWithCoupons = [
  "id",
  "currency_code",
  "email",
  "region_id",
  "customer_id",
  "sales_channel_id",
  "updated_at",
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

// read to name the cart's coupon promotions after their codes, then dropped
const NAMING_FIELDS = ["coupon_codes.code", "coupon_codes.code_last4", "coupon_codes.coupon_id"]

/**
 * The cart as the shopper may see it: its coupon promotions named after the
 * codes applied (withShopperCodes), from the same query, so the apply and
 * remove routes pay no extra lookup for it.
 */
export const refetchCartWithCoupons = async (container: MedusaContainer, cartId: string, fields?: string[]) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const asked = fields?.length ? fields : storeCartFieldsWithCoupons
  const { data } = await query.graph({
    entity: "cart",
    fields: [...new Set([...asked, ...NAMING_FIELDS])],
    filters: { id: cartId },
  })
  const cart = data[0] as (Record<string, unknown> & { coupon_codes?: (ShopperCode | null)[] }) | undefined
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${cartId}`)
  }
  const held = (cart.coupon_codes ?? []).filter((code): code is ShopperCode => !!code)
  const shown = await withShopperCodes(container, cart, "cart", held)
  if (!asked.some((field) => field.startsWith("coupon_codes"))) {
    delete shown.coupon_codes
  } else if (shown.coupon_codes) {
    shown.coupon_codes = shown.coupon_codes.map((code) => code && pick(code, asked))
  }
  return shown
}

/** Only the `coupon_codes.*` fields that were asked for. */
const pick = (code: ShopperCode, asked: string[]) => {
  if (asked.includes("coupon_codes.*")) {
    return code
  }
  const keys = asked.filter((field) => field.startsWith("coupon_codes.")).map((field) => field.slice("coupon_codes.".length))
  return Object.fromEntries(Object.entries(code).filter(([key]) => keys.includes(key))) as ShopperCode
}
