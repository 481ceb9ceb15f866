import { defineLink } from "@medusajs/framework/utils"
import CartModule from "@medusajs/medusa/cart"
import CouponModule from "../modules/coupon"

/**
 * The coupon codes a shopper applied to a cart (readable as `cart.coupon_codes`).
 * Many to many: a cart holds several codes, and a shared code sits on many
 * carts at once (one-to-many made every cart after the first fail with
 * "Cannot create multiple links between 'cart' and 'coupon'").
 */
export default defineLink(
  { linkable: CartModule.linkable.cart, isList: true },
  { linkable: CouponModule.linkable.couponCode, isList: true }
)
