import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"

export type ReleaseCodeReservationStepInput = { cart_id: string; code_id: string }

export const releaseCodeReservationStepId = "release-code-reservation"

/** A code left the cart: the cart's reservation of it ends, so another checkout can use it at once. */
export const releaseCodeReservationStep = createStep(
  releaseCodeReservationStepId,
  async (input: ReleaseCodeReservationStepInput, { container }) => {
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    if (service.getOptions().reservation_minutes === 0) {
      return new StepResponse(undefined)
    }
    await service.releaseCodeReservations([input.code_id], input.cart_id)
    return new StepResponse(undefined)
  }
)
