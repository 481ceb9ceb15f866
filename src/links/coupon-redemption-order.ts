import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import CouponModule from "../modules/coupon"

/** Read-only: `coupon_redemption.order` through the redemption's `order_id`. */
export default defineLink({ linkable: CouponModule.linkable.couponRedemption, field: "order_id" }, OrderModule.linkable.order, {
  readOnly: true,
})
