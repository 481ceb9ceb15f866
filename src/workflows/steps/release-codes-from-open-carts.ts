import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CouponReason } from "../../modules/coupon/rules/reasons"
import { removeCouponFromCartWorkflow } from "../remove-coupon-from-cart"
import { openCartsHoldingCodes } from "../utils/open-carts-holding-codes"

export type ReleaseCodesFromOpenCartsStepInput = ({ coupon_id: string } | { code_ids: string[] }) & {
  /** skip the step (a change that does not end the codes) */
  skip?: boolean
  reason: CouponReason
  message: string
}

export const releaseCodesFromOpenCartsStepId = "release-codes-from-open-carts"

/**
 * Codes that died (deleted, disabled, their coupon deleted or no longer
 * active) leave every open cart that holds them, with their discount, through
 * the same removal a shopper's DELETE runs: the cart then checks out at full
 * price instead of carrying an adjustment of a promotion that is gone.
 * A cart that cannot be released now (locked by its own completion) keeps the
 * code; its completion refuses it and the shopper can still remove it.
 * Nothing to compensate: a released code is not put back.
 */
export const releaseCodesFromOpenCartsStep = createStep(
  releaseCodesFromOpenCartsStepId,
  async (input: ReleaseCodesFromOpenCartsStepInput, { container }) => {
    if (input.skip) {
      return new StepResponse({ released: 0 })
    }
    const carts = await openCartsHoldingCodes(
      container,
      "coupon_id" in input ? { coupon_id: input.coupon_id } : { code_ids: input.code_ids }
    )
    let released = 0
    for (const { cart_id, code_ids } of carts) {
      for (const code_id of code_ids) {
        try {
          await removeCouponFromCartWorkflow(container).run({
            input: { cart_id, code_id, reason: input.reason, message: input.message },
          })
          released += 1
        } catch (error) {
          container
            .resolve(ContainerRegistrationKeys.LOGGER)
            .warn(`medusa-plugin-coupons: code ${code_id} could not leave cart ${cart_id} now: ${(error as Error).message}`)
        }
      }
    }
    return new StepResponse({ released })
  }
)
