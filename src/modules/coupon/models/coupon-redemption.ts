import { model } from "@medusajs/framework/utils"
import { REDEMPTION_STATUSES } from "../constants"
import { Coupon } from "./coupon"
import { CouponCode } from "./coupon-code"

/**
 * The ledger: one row per code used on an order. Never deleted, only reverted. Its
 * amounts follow the order after checkout (returns, refunds, edits, exchanges, claims):
 * `discount_amount` and `order_total` are as the order now stands, the `original_`
 * ones as it was placed.
 */
export const CouponRedemption = model
  .define("coupon_redemption", {
    id: model.id({ prefix: "cpnred" }).primaryKey(),
    /** the code as the shopper used it (normalized) */
    code: model.text(),
    order_id: model.text(),
    cart_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    /** the per-customer counters this redemption incremented (customer id and/or email) */
    customer_keys: model.array().default([]),
    /** the period counters it incremented: [{ scope_key, period, period_start }], given back exactly these */
    period_counts: model.json().nullable(),
    /** the discount the order now keeps (what the spend budget counts): the checkout's, less its returned lines' share */
    discount_amount: model.bigNumber(),
    /** the order's total as it now stands (edits, returns, exchanges, claims), before refunds */
    order_total: model.bigNumber().nullable(),
    /** the discount and the order total at checkout */
    original_discount_amount: model.bigNumber().nullable(),
    original_order_total: model.bigNumber().nullable(),
    /** the discount on returned (received or dismissed) lines */
    returned_discount_amount: model.bigNumber().default(0),
    /** money refunded on the order */
    refunded_amount: model.bigNumber().default(0),
    /** the redeeming order was the shopper's first with the store; null when unknown (rows from before) */
    first_order: model.boolean().nullable(),
    /** when the code's, the coupon's and the customer's usage were given back (cancel, full return, full refund); null while counted */
    usage_released_at: model.dateTime().nullable(),
    currency_code: model.text(),
    status: model.enum([...REDEMPTION_STATUSES]).default("redeemed"),
    reverted_at: model.dateTime().nullable(),
    coupon: model.belongsTo(() => Coupon, { mappedBy: "redemptions" }),
    coupon_code: model.belongsTo(() => CouponCode, { mappedBy: "redemptions" }),
  })
  .indexes([
    { name: "IDX_coupon_redemption_order_code_unique", on: ["order_id", "coupon_code_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["coupon_id", "created_at"] },
    { on: ["customer_id"] },
    { on: ["order_id"] },
    // analytics count every row not reverted: per coupon and store-wide, by date. The per-coupon
    // indexes carry the aggregated column too, so each stats aggregate is an index-only scan
    // in the order it groups by (days, orders, codes) instead of a heap scan and a hash.
    {
      name: "IDX_coupon_redemption_redeemed_coupon_created_discount",
      on: ["coupon_id", "created_at", "discount_amount"],
      where: "status <> 'reverted' AND deleted_at IS NULL",
    },
    {
      name: "IDX_coupon_redemption_redeemed_coupon_order_total",
      on: ["coupon_id", "order_id", "order_total"],
      where: "status <> 'reverted' AND deleted_at IS NULL",
    },
    {
      name: "IDX_coupon_redemption_redeemed_coupon_code",
      on: ["coupon_id", "coupon_code_id"],
      where: "status <> 'reverted' AND deleted_at IS NULL",
    },
    { name: "IDX_coupon_redemption_redeemed_created", on: ["created_at"], where: "status <> 'reverted' AND deleted_at IS NULL" },
  ])
  .checks([{ name: "coupon_redemption_discount_check", expression: (c) => `${c.discount_amount} >= 0` }])

export { REDEMPTION_STATUSES }
