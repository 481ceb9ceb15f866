import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertCartCouponsApply } from "../utils/assert-cart-coupons"

/**
 * Before the order is created, every code on the cart is judged again with
 * everything now known (email, caps reached by other shoppers meanwhile).
 * A failure stops completion with the reason; the cart stays as it was.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  await assertCartCouponsApply(container, cart.id)
})
