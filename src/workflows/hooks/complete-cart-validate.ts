import { MedusaError } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertCartCouponsApply } from "../utils/assert-cart-coupons"
import { planCouponDiscounts } from "../utils/cap-coupon-discounts"
import { orderIdOfCart } from "../utils/order-of-cart"
import { cartHasStaleCouponDiscounts } from "../utils/stale-coupon-discounts"

/**
 * Before the order is created, every code on the cart is judged again with
 * everything now known (email, caps reached by other shoppers meanwhile).
 * A failure stops completion with the reason; the cart stays as it was.
 * A retry for a cart that already became an order is not judged: Medusa
 * creates nothing and answers with that order, and so does the plugin (its
 * codes were counted by the first completion, so they would now look spent).
 * A completion outside the store route (a payment provider's webhook) is
 * judged the same way, and a discount computed before its coupon's last edit
 * stops it: only the store route can recompute and ask for a new payment.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  if (await orderIdOfCart(container, cart.id)) {
    return
  }
  if (await cartHasStaleCouponDiscounts(container, cart.id)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "A coupon on this cart changed after its discount was computed. Review the cart and complete it again."
    )
  }
  await assertCartCouponsApply(container, cart.id)
  // the store route caps before completing; a change in between must not give more than the cap
  if ((await planCouponDiscounts(container, cart.id)).capped.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The cart's coupon discount changed while it was being completed. Review the cart and complete it again."
    )
  }
})
