import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refreshCartItemsWorkflow } from "@medusajs/medusa/core-flows"
import { dropInapplicableCodes } from "./drop-inapplicable-codes"
import { openCartsHoldingCodes } from "./open-carts-holding-codes"

export type OpenCartsScope = ({ coupon_id: string } | { code_ids: string[] }) & {
  /** false for a change that cannot move the discount (a code's limit or expiry): judge only */
  recompute?: boolean
}

/**
 * Every open cart holding one of the scope's codes: the codes are judged again
 * and the ones that no longer apply leave with their discount (as after a cart
 * change), then Medusa's own refresh recomputes the cart's adjustments from the
 * updated backing promotion (and offers waiting codes, caps, payment
 * collection). A cart locked by its own completion now is skipped; the
 * completion refreshes stale discounts itself. Returns the carts refreshed.
 */
export const refreshOpenCarts = async (container: MedusaContainer, input: OpenCartsScope): Promise<number> => {
  const scope = "coupon_id" in input ? { coupon_id: input.coupon_id } : { code_ids: input.code_ids }
  const carts = await openCartsHoldingCodes(container, scope)
  let refreshed = 0
  for (const { cart_id } of carts) {
    try {
      await dropInapplicableCodes(container, cart_id)
      if (input.recompute !== false) {
        await refreshCartItemsWorkflow(container).run({ input: { cart_id } })
      }
      refreshed += 1
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`medusa-plugin-coupons: cart ${cart_id} could not follow the coupon edit now: ${(error as Error).message}`)
    }
  }
  return refreshed
}
