import { model } from "@medusajs/framework/utils"

/**
 * A customer who was logged in on a store request that touched a cart's
 * coupons or took the cart over (apply, promo_codes, the customer transfer).
 * A completion that runs outside a shopper's request (a payment provider's
 * webhook) trusts this customer, and only while the cart still belongs to
 * them, instead of a customer Medusa linked to the cart from a typed email.
 */
export const CouponCartShopper = model
  .define("coupon_cart_shopper", {
    id: model.id({ prefix: "cpncs" }).primaryKey(),
    cart_id: model.text(),
    customer_id: model.text(),
  })
  .indexes([{ name: "IDX_coupon_cart_shopper_unique", on: ["cart_id", "customer_id"], unique: true, where: "deleted_at IS NULL" }])
