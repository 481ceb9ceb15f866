import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../../modules/coupon"
import { normalizeCode } from "../../../modules/coupon/codes/normalize"
import { isCouponError } from "../../../modules/coupon/errors/coupon-error"
import { INVALID_CODE_MESSAGE } from "../../../modules/coupon/errors/uniform-refusal"
import type CouponModuleService from "../../../modules/coupon/service"
import { applyCouponToCartWorkflow } from "../../../workflows/apply-coupon-to-cart"
import { removeCouponFromCartWorkflow } from "../../../workflows/remove-coupon-from-cart"
import { clientAddressKey } from "../coupons/rate-limit/client-ip"
import { couponAttemptLimiterOf } from "../coupons/rate-limit/limiter-for-app"
import { rateLimited, refusalKeyOf } from "../coupons/rate-limit/middleware"
import { authenticatedCustomerId } from "./remember-shopper"

/** "This code has expired." → "Code SUMMER25 has expired.": the storefront shows the message alone. */
export const messageNamingCode = (code: string, message: string) =>
  /^This code\b/.test(message) ? message.replace(/^This code\b/, `Code ${code}`) : `Code ${code}: ${message}`

/** Which of the texts are coupon codes (normalized), for the texts that are. */
const couponCodesAmong = async (service: CouponModuleService, texts: string[]): Promise<string[]> => {
  const candidates = [...new Set(texts.map(normalizeCode))]
  const forms = candidates.flatMap((code) => service.codeLookupForms(code).map((form) => [form, code] as const))
  if (!forms.length) {
    return []
  }
  const found = await service.listCouponCodes({ code: forms.map(([form]) => form) }, { select: ["code"] })
  const live = new Set(found.map((row) => row.code))
  return [...new Set(forms.filter(([form]) => live.has(form)).map(([, code]) => code))]
}

export type PromoCodeApplyOutcome =
  /** the request was answered (a refusal, or the limiter) */
  | { answered: true }
  /** the coupon codes applied now (the caller gives them back if Medusa's route then fails) */
  | { answered: false; applied: string[]; coupon_texts: string[] }

/**
 * Coupon codes typed into a storefront's own promotion field (`promo_codes` of
 * Medusa's cart update and promotions routes) go through the plugin's apply
 * workflow, as `POST /store/carts/:id/coupons` does: every rule, the
 * failed-attempt limit, events. Codes that are neither coupon codes nor
 * Medusa promotions count as failed attempts and are left to Medusa's own 400.
 * A refusal answers 400 with its reason and undoes the codes applied in the
 * same request, so the cart stays as it was.
 */
export const applyPromoCodeCoupons = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  newTexts: string[]
): Promise<PromoCodeApplyOutcome> => {
  const service = req.scope.resolve<CouponModuleService>(COUPON_MODULE)
  const cartId = req.params.id
  const couponCodes = await couponCodesAmong(service, newTexts)
  const isCoupon = (text: string) => couponCodes.includes(normalizeCode(text))
  const others = newTexts.filter((text) => !isCoupon(text))
  const natives = others.length
    ? new Set(
        (await req.scope.resolve(Modules.PROMOTION).listPromotions({ code: others }, { select: ["code"] })).map(
          (promotion: { code?: string | null }) => promotion.code
        )
      )
    : new Set()
  const unknown = others.filter((text) => !natives.has(text))

  const limiter = await couponAttemptLimiterOf(req.scope).catch(() => null)
  const ip = clientAddressKey(req.ip ?? req.socket?.remoteAddress)
  const keys = { ip, cart: cartId, customer: authenticatedCustomerId(req) }
  const reserve = (code: string) => limiter?.reserve(keys, { refusal: refusalKeyOf(cartId, ip, code) }) ?? null

  // a code that is nothing at all: counted, and Medusa refuses the whole update with its own answer
  for (const text of unknown) {
    const reservation = await reserve(normalizeCode(text))
    if (reservation && !reservation.allowed) {
      rateLimited(res, reservation.retry_after_seconds)
      return { answered: true }
    }
    const verdict = await reservation?.failed()
    if (verdict?.over_limit) {
      rateLimited(res, verdict.retry_after_seconds)
      return { answered: true }
    }
  }
  if (unknown.length) {
    if (service.getOptions().uniform_refusals) {
      // answered as a refused coupon code is, so the two cannot be told apart
      res.status(400).json({
        type: MedusaError.Types.NOT_ALLOWED,
        code: "invalid_code",
        message: messageNamingCode(normalizeCode(unknown[0]), INVALID_CODE_MESSAGE),
      })
      return { answered: true }
    }
    return { answered: false, applied: [], coupon_texts: [] }
  }

  const applied: string[] = []
  const undo = () => giveBack(req, applied)
  for (const code of couponCodes) {
    const reservation = await reserve(code)
    if (reservation && !reservation.allowed) {
      await undo()
      rateLimited(res, reservation.retry_after_seconds)
      return { answered: true }
    }
    try {
      await applyCouponToCartWorkflow(req.scope).run({ input: { cart_id: cartId, code, customer_id: authenticatedCustomerId(req) } })
      await reservation?.release()
      applied.push(code)
    } catch (error) {
      await undo()
      if (!isCouponError(error)) {
        await reservation?.release()
        throw error
      }
      const verdict = await reservation?.failed()
      if (verdict?.over_limit) {
        rateLimited(res, verdict.retry_after_seconds)
      } else {
        res.status(400).json({ type: error.type, code: error.code, message: messageNamingCode(code, error.message) })
      }
      return { answered: true }
    }
  }
  return { answered: false, applied, coupon_texts: newTexts.filter(isCoupon) }
}

/** Takes the codes applied in this request off the cart again. */
export const giveBack = async (req: AuthenticatedMedusaRequest, codes: string[]) => {
  for (const code of codes.splice(0)) {
    await removeCouponFromCartWorkflow(req.scope).run({ input: { cart_id: req.params.id, code } })
  }
}
