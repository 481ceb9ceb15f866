import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import { CouponEvents } from "../events"
import { OpenCartsScope, refreshOpenCarts } from "../utils/refresh-open-carts"

export type RefreshOpenCartsOfCouponStepInput = OpenCartsScope & {
  /** skip the step (the coupon is not active: its codes left the carts or were never on one) */
  skip?: boolean
}

export const refreshOpenCartsOfCouponStepId = "refresh-open-carts-of-coupon"

/**
 * An edited coupon (value, type, targets, conditions, dates) reaches every
 * open cart holding one of its codes (see refreshOpenCarts): here, at once,
 * or, with the option open_carts_refresh "background", through the
 * `coupon.open_carts_stale` event on the instance that runs subscribers.
 * A code's own edit (limit, expiry) only judges the carts holding it.
 * Nothing to compensate: a refresh recomputes from the coupon as it is.
 */
export const refreshOpenCartsOfCouponStep = createStep(
  refreshOpenCartsOfCouponStepId,
  async ({ skip, ...scope }: RefreshOpenCartsOfCouponStepInput, { container }) => {
    if (skip) {
      return new StepResponse({ refreshed: 0, deferred: false })
    }
    if (container.resolve<CouponModuleService>(COUPON_MODULE).getOptions().open_carts_refresh === "background") {
      await container.resolve(Modules.EVENT_BUS).emit({ name: CouponEvents.OPEN_CARTS_STALE, data: scope })
      return new StepResponse({ refreshed: 0, deferred: true })
    }
    return new StepResponse({ refreshed: await refreshOpenCarts(container, scope), deferred: false })
  }
)
