import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { refreshCartItemsWorkflow } from "@medusajs/medusa/core-flows"
import { dropInapplicableCodes } from "../utils/drop-inapplicable-codes"
import { openCartsHoldingCodes } from "../utils/open-carts-holding-codes"

export type RefreshOpenCartsOfCouponStepInput = ({ coupon_id: string } | { code_ids: string[] }) & {
  /** skip the step (the coupon is not active: its codes left the carts or were never on one) */
  skip?: boolean
  /** false for a change that cannot move the discount (a code's limit or expiry): judge only */
  recompute?: boolean
}

export const refreshOpenCartsOfCouponStepId = "refresh-open-carts-of-coupon"

/**
 * An edited coupon (value, type, targets, conditions, dates) reaches every
 * open cart holding one of its codes at once: the codes are judged again and
 * the ones that no longer apply leave with their discount (as after a cart
 * change), then Medusa's own refresh recomputes the cart's adjustments from
 * the updated backing promotion (and offers waiting codes, caps, payment
 * collection). A cart locked by its own completion now is skipped; the
 * completion refreshes stale discounts itself.
 * A code's own edit (limit, expiry) only judges the carts holding it.
 * Nothing to compensate: a refresh recomputes from the coupon as it is.
 */
export const refreshOpenCartsOfCouponStep = createStep(
  refreshOpenCartsOfCouponStepId,
  async (input: RefreshOpenCartsOfCouponStepInput, { container }) => {
    if (input.skip) {
      return new StepResponse({ refreshed: 0 })
    }
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
    return new StepResponse({ refreshed })
  }
)
