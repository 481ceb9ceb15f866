import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import CouponModule from "../modules/coupon"

/**
 * Read-only: `order.coupon_redemptions` are the ledger rows whose `order_id`
 * is the order's id (`GET /admin/orders/:id?fields=+coupon_redemptions.*`).
 * No link table: the id already sits on the redemption.
 */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id", isList: true },
  { ...CouponModule.linkable.couponRedemption.id, primaryKey: "order_id" },
  { readOnly: true }
)
