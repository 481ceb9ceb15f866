import type { CartPart } from "../../modules/coupon/rules"

/**
 * The cart without totals: its own columns, the promotions on it and the
 * applied codes through the cart ↔ code link. Asking for any total
 * (`item_subtotal`) makes Medusa load every line with its adjustments and tax
 * lines and compute all totals, so only callers that need the subtotal ask.
 */
export const cartCodeFields = [
  "id",
  "email",
  "currency_code",
  "region_id",
  "sales_channel_id",
  "customer_id",
  "completed_at",
  "promotions.id",
  "promotions.code",
  "promotions.is_automatic",
  "coupon_codes.id",
  "coupon_codes.code",
  "coupon_codes.code_last4",
  "coupon_codes.status",
  "coupon_codes.coupon_id",
]

const itemFields = [
  "items.id",
  "items.quantity",
  "items.unit_price",
  "items.product_id",
  "items.product.collection_id",
  "items.product.categories.id",
  "items.product.type_id",
]

/**
 * The query fields of each part of the cart a rule can declare (CartPart).
 * Asking for any total makes Medusa load every line with its adjustments and
 * tax lines and compute all totals: only `subtotal` and `item_subtotals` do.
 */
const fieldsOfPart: Record<CartPart, string[]> = {
  cart: cartCodeFields,
  subtotal: ["item_subtotal"],
  items: itemFields,
  // line totals are computed like the cart's: only for the matching-lines minimum
  item_subtotals: [...itemFields, "items.subtotal"],
  shipping_methods: ["shipping_methods.shipping_option_id"],
  customer: ["customer.has_account", "customer.groups.id"],
}

/** The cart query for these parts; the cart's own columns always. */
export const cartFieldsFor = (parts: CartPart[] = []) => [...new Set([...cartCodeFields, ...parts.flatMap((part) => fieldsOfPart[part])])]

/**
 * The cart as the promotion engine reads it (the same shape Medusa's own
 * updateCartPromotionsWorkflow passes to computeActions), for previews.
 */
export const cartPromotionContextFields = [
  "id",
  "email",
  "currency_code",
  "subtotal",
  "item_total",
  "item_subtotal",
  "shipping_subtotal",
  "region_id",
  "sales_channel_id",
  "region.*",
  "items.*",
  "items.product.id",
  "items.product.collection_id",
  "items.product.categories.id",
  "items.product.tags.id",
  "items.product.type_id",
  "items.adjustments.*",
  "items.tax_lines.*",
  "shipping_address.*",
  "shipping_methods.*",
  "shipping_methods.adjustments.*",
  "shipping_methods.tax_lines.*",
  "shipping_methods.shipping_option.shipping_option_type_id",
  "customer.*",
  "customer.groups.*",
  "promotions.id",
  "promotions.code",
]
