/** Enumerations shared by the models, the API validators and the admin forms (no framework imports here). */
export const COUPON_STATUSES = ["draft", "active", "inactive", "archived"] as const
export const DISCOUNT_TYPES = ["percentage", "fixed", "free_shipping", "buy_get"] as const
export const COUPON_TARGETS = ["order", "items", "shipping"] as const
export const CODE_STATUSES = ["active", "disabled"] as const
export const BATCH_STATUSES = ["pending", "running", "completed", "failed"] as const
/**
 * A redemption's place in its order's life: `redeemed` at checkout, `partially_returned`
 * and `returned` as lines come back, `reverted` when the order is canceled or fully
 * refunded. Only `reverted` rows leave the budget and the stats.
 */
export const REDEMPTION_STATUSES = ["redeemed", "partially_returned", "returned", "reverted"] as const

/** Which lines an item selector can name: each maps onto a native promotion target rule attribute. */
export const ITEM_SELECTOR_KEYS = ["product_ids", "collection_ids", "category_ids", "type_ids"] as const
