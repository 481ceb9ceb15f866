import type { MedusaContainer } from "@medusajs/framework/types"
import { CouponError } from "../../modules/coupon/errors/coupon-error"
import { validateCouponWorkflow } from "../validate-coupon"
import { findCouponsOfPromotionCodes } from "./backing-promotion"
import { loadCartForCoupons } from "./coupon-context"
import { trustedCustomerIdOfCart } from "./request-shopper"

export const assertCartCouponsApply = async (container: MedusaContainer, cartId: string) => {
  const cart = await loadCartForCoupons(container, cartId)
  if (!cart) {
    return
  }
  const linked = cart.coupon_codes ?? []
  const promotionCodes = (cart.promotions ?? []).map((promotion) => promotion.code).filter(Boolean) as string[]
  const backing = await findCouponsOfPromotionCodes(container, promotionCodes)

  // a backing discount on the cart without a code of its coupon (removed or deleted meanwhile)
  for (const promotion of backing) {
    if (!linked.some((code) => code.coupon_id === promotion.coupon_id)) {
      throw new CouponError("not_found", "A discount on this cart no longer has a valid code. Remove it and try again.")
    }
  }
  // customer conditions trust only the customer logged in on the completing request (or, outside one, see trustedCustomerIdOfCart)
  const customerId = linked.length ? await trustedCustomerIdOfCart(container, cart) : null
  for (const code of linked) {
    await validateCouponWorkflow(container).run({
      input: { code: code.code, code_id: code.id, cart_id: cart.id, customer_id: customerId, phase: "complete" },
    })
  }
}
