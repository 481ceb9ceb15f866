import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CouponModule from "../modules/coupon"

/**
 * Read-only: `customer.coupon_redemptions` are the ledger rows whose
 * `customer_id` is the customer's id (`GET /admin/customers/:id?fields=+coupon_redemptions.*`).
 */
export default defineLink(
  { linkable: CustomerModule.linkable.customer, field: "id", isList: true },
  { ...CouponModule.linkable.couponRedemption.id, primaryKey: "customer_id" },
  { readOnly: true }
)
