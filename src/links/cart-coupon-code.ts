import { defineLink } from "@medusajs/framework/utils"
import CartModule from "@medusajs/medusa/cart"
import CouponModule from "../modules/coupon"

/** The coupon codes a shopper applied to a cart (readable as `cart.coupon_codes`). */
export default defineLink(CartModule.linkable.cart, {
  linkable: CouponModule.linkable.couponCode,
  isList: true,
})
