import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normalizeCode } from "../../modules/coupon/codes/normalize"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import { loadCartForCoupons } from "../utils/coupon-context"

export type FindAppliedCartCodeStepInput = { cart_id: string; code: string }

export const findAppliedCartCodeStepId = "find-applied-cart-code"

/** The applied code to remove, and whether another code of its coupon stays on the cart. */
export const findAppliedCartCodeStep = createStep(
  findAppliedCartCodeStepId,
  async ({ cart_id, code }: FindAppliedCartCodeStepInput, { container }) => {
    const cart = await loadCartForCoupons(container, cart_id)
    if (!cart) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${cart_id}`)
    }
    const normalized = normalizeCode(code)
    // the code as typed, or as the cart shows it (a hashed code's digest): removing needs no secret
    const forms = [normalized, ...container.resolve<CouponModuleService>(COUPON_MODULE).codeLookupForms(normalized)]
    const applied = (cart.coupon_codes ?? []).find((linked) => forms.includes(linked.code))
    if (!applied) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Code ${normalized} is not applied to cart ${cart_id}`)
    }
    const couponStillUsed = (cart.coupon_codes ?? []).some(
      (linked) => linked.id !== applied.id && linked.coupon_id === applied.coupon_id
    )
    return new StepResponse({ code_id: applied.id, code: applied.code, coupon_id: applied.coupon_id, coupon_still_used: couponStillUsed })
  }
)
