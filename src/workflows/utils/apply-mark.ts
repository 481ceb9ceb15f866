/**
 * Set by applyCouponToCartWorkflow on the input it passes to Medusa's
 * updateCartPromotionsWorkflow: the code was judged and linked just before, so
 * the back-door check need not reload the cart. Medusa's own routes build
 * their input themselves, so a shopper cannot set it.
 */
export const COUPON_APPLY_MARK = "__coupon_apply_checked"
