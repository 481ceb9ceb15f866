import type { MedusaContainer } from "@medusajs/framework/types"
import { isCouponError } from "../../modules/coupon/errors/coupon-error"
import { removeCouponFromCartWorkflow } from "../remove-coupon-from-cart"
import { validateCouponWorkflow } from "../validate-coupon"
import { loadCartForCoupons } from "./coupon-context"

export type DroppedCode = { code: string; reason: string; message: string }

/**
 * After a cart changed (items, quantities, region, email, customer), judges
 * every applied code again and removes the ones that no longer apply, so the
 * discount disappears from the cart instead of surprising the shopper at
 * completion. Codes that still apply stay; Medusa recomputes their amount.
 */
export const dropInapplicableCodes = async (container: MedusaContainer, cartId: string): Promise<DroppedCode[]> => {
  const cart = await loadCartForCoupons(container, cartId)
  if (!cart || cart.completed_at) {
    return []
  }
  const dropped: DroppedCode[] = []
  for (const applied of cart.coupon_codes ?? []) {
    try {
      await validateCouponWorkflow(container).run({ input: { code: applied.code, code_id: applied.id, cart_id: cartId, phase: "recheck" } })
    } catch (error) {
      if (!isCouponError(error)) {
        throw error
      }
      await removeCouponFromCartWorkflow(container).run({
        input: { cart_id: cartId, code: applied.code, reason: error.code, message: error.message },
      })
      dropped.push({ code: applied.code, reason: error.code!, message: error.message })
    }
  }
  return dropped
}
