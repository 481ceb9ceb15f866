import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CouponModule from "../modules/coupon"

/** Read-only: `coupon_redemption.customer` through the redemption's `customer_id`. */
export default defineLink({ linkable: CouponModule.linkable.couponRedemption, field: "customer_id" }, CustomerModule.linkable.customer, {
  readOnly: true,
})
