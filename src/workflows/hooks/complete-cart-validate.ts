import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertCartCouponsApply } from "../utils/assert-cart-coupons"
import { orderIdOfCart } from "../utils/order-of-cart"

/**
 * Before the order is created, every code on the cart is judged again with
 * everything now known (email, caps reached by other shoppers meanwhile).
 * A failure stops completion with the reason; the cart stays as it was.
 * A retry for a cart that already became an order is not judged: Medusa
 * creates nothing and answers with that order, and so does the plugin (its
 * codes were counted by the first completion, so they would now look spent).
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  if (await orderIdOfCart(container, cart.id)) {
    return
  }
  await assertCartCouponsApply(container, cart.id)
})
