import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CouponError } from "../../modules/coupon/errors/coupon-error"
import { shownRefusal } from "../../modules/coupon/errors/uniform-refusal"
import { COUPON_MODULE } from "../../modules/coupon"
import { evaluateEligibility } from "../../modules/coupon/rules"
import { fixedAmountIn } from "../../modules/coupon/utils/currency-values"
import { isReservable } from "../../modules/coupon/utils/reservation"
import type CouponModuleService from "../../modules/coupon/service"
import { buildEligibilityContext, CouponCheckInput } from "../utils/coupon-context"
import { pairCurrencyOf } from "../utils/promotion-data"

export type CheckCouponEligibilityStepInput = CouponCheckInput

export type CheckedCoupon = {
  /** reasons of the checks that wait for a cart (validate without cart_id) */
  checks_pending: string[]
  code: string
  code_id: string
  coupon_id: string
  /** applying it holds it for the cart (a single-use code, reservations on) */
  reservable: boolean
  /** the currency whose own promotions the cart is offered (a fixed coupon's amount besides its primary one), or null */
  pair_currency: string | null
  coupon: {
    id: string
    name: string
    description: string | null
    discount_type: string
    /** for a fixed coupon with amounts, the amount in the cart's currency (its primary one without a cart) */
    discount_value: number
    currency_code: string | null
    /** a fixed discount per currency, when it has one */
    amounts: Record<string, number> | null
    target: string
    ends_at: string | null
    combinable: boolean
  }
}

export const checkCouponEligibilityStepId = "check-coupon-eligibility"

/** Judges a code against the rules and throws a CouponError with the reason when it does not apply. */
export const checkCouponEligibilityStep = createStep(
  checkCouponEligibilityStepId,
  async (input: CheckCouponEligibilityStepInput, { container }) => {
    const { context } = await buildEligibilityContext(container, input)
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const result = evaluateEligibility(context, service.getRules())
    if (!result.eligible) {
      // where a shopper types a code; rechecks and completion keep the reason (events, the shopper's own cart)
      const typed = input.phase === "validate" || input.phase === "apply"
      const shown = shownRefusal(result, typed && service.getOptions().uniform_refusals)
      throw new CouponError(shown.reason, shown.message)
    }
    const coupon = context.coupon!
    const cartCurrency = context.cart?.currency_code?.toLowerCase() ?? null
    const inCartCurrency = cartCurrency ? fixedAmountIn(coupon, cartCurrency) : undefined
    const checked: CheckedCoupon = {
      checks_pending: result.pending,
      code: context.code!.code,
      code_id: context.code!.id,
      coupon_id: coupon.id,
      reservable: isReservable(context.code!, service.getOptions()),
      pair_currency: pairCurrencyOf(coupon as never, cartCurrency),
      coupon: {
        id: coupon.id,
        name: coupon.name ?? "",
        description: (coupon as { description?: string | null }).description ?? null,
        discount_type: coupon.discount_type,
        discount_value: inCartCurrency ?? Number(coupon.discount_value),
        currency_code: inCartCurrency !== undefined ? cartCurrency : (coupon.currency_code ?? null),
        amounts: coupon.amounts ?? null,
        target: (coupon as { target?: string }).target ?? "order",
        ends_at: coupon.ends_at ? new Date(coupon.ends_at).toISOString() : null,
        combinable: coupon.combinable,
      },
    }
    return new StepResponse(checked)
  }
)
