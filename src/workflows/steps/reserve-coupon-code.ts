import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import { CouponError } from "../../modules/coupon/errors/coupon-error"
import { shownRefusal } from "../../modules/coupon/errors/uniform-refusal"
import { CODE_RESERVED_MESSAGE, codeReservedRule } from "../../modules/coupon/rules/code-reserved"
import type CouponModuleService from "../../modules/coupon/service"

export type ReserveCouponCodeStepInput = {
  cart_id: string
  code_id: string
  /** the code as the shopper typed it, for the refusal */
  code: string
  /** a single-use code while reservations are on (utils/reservation.ts) */
  reservable: boolean
}

export const reserveCouponCodeStepId = "reserve-coupon-code"

/**
 * Holds a single-use code for the cart that applies it. The eligibility check
 * before it only read the reservation: two carts can both pass it, and this
 * conditional upsert lets exactly one of them through. Compensation ends the
 * reservation again when the apply fails later.
 */
export const reserveCouponCodeStep = createStep(
  reserveCouponCodeStepId,
  async (input: ReserveCouponCodeStepInput, { container }) => {
    if (!input.reservable) {
      return new StepResponse(false, null)
    }
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    if (!(await service.reserveCouponCode(input.code_id, input.cart_id))) {
      const shown = shownRefusal({ reason: codeReservedRule.reason, message: CODE_RESERVED_MESSAGE }, service.getOptions().uniform_refusals)
      throw new CouponError(shown.reason, shown.message)
    }
    return new StepResponse(true, { cart_id: input.cart_id, code_id: input.code_id })
  },
  async (reserved, { container }) => {
    if (!reserved) {
      return
    }
    await container.resolve<CouponModuleService>(COUPON_MODULE).releaseCodeReservations([reserved.code_id], reserved.cart_id)
  }
)
