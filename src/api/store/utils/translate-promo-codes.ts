import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COUPON_MODULE } from "../../../modules/coupon"
import { displayCode } from "../../../modules/coupon/codes/hash"
import { normalizeCode } from "../../../modules/coupon/codes/normalize"
import type CouponModuleService from "../../../modules/coupon/service"
import { removeCouponFromCartWorkflow } from "../../../workflows/remove-coupon-from-cart"
import { codesOfCouponAmong, findBackingPromotions, offeredPromotionCodes } from "../../../workflows/utils/backing-promotion"
import { loadCartForCoupons, type CartForCoupons } from "../../../workflows/utils/coupon-context"
import { pairCurrencyOf } from "../../../workflows/utils/promotion-data"
import { applyPromoCodeCoupons, giveBack } from "./apply-promo-code-coupons"
import { cartShopperCodes, type ShopperCode } from "./shopper-promotion-codes"

type PromoCodesBody = { promo_codes?: unknown }

/**
 * How the Medusa route treats `promo_codes`: added (promotions route), removed,
 * or the cart's whole list (cart update).
 */
type PromoCodesAction = "add" | "remove" | "replace"

/**
 * One entry for codes typed into a storefront's own promotion field, and the
 * other half of hideBackingPromotionCodes. A storefront sends back the codes
 * it was shown (`promo_codes` of Medusa's cart update and promotion routes, as
 * the Next.js starter does to add, update or remove promotions):
 * - a coupon code new to the cart goes through the plugin's apply workflow
 *   (applyPromoCodeCoupons: rules, failed-attempt limit, events); a refusal
 *   answers 400 with its reason and leaves the cart as it was;
 * - codes applied to this cart are put back to their promotion's code;
 * - a coupon code that leaves the cart (removed, or left out of a cart
 *   update's list) goes through the plugin's remove workflow, so the code is
 *   unlinked with its discount instead of staying linked without it.
 * Native promotion codes go on to Medusa as before. If Medusa's route then
 * fails, the coupon codes applied by this request are taken off again.
 */
export const translatePromoCodes =
  (action: PromoCodesAction) => async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      const bodies = [req.body, req.validatedBody] as (PromoCodesBody | undefined)[]
      const sent = bodies.find((body) => Array.isArray(body?.promo_codes))?.promo_codes as unknown[] | undefined
      if (!sent) {
        return next()
      }
      const texts = sent.filter((code): code is string => typeof code === "string" && !!code.trim()).map((code) => code.trim())
      // a removal only matters for coupon codes; most are plain promotion codes
      if (action === "remove" && !(await anyCouponCode(req, texts))) {
        return next()
      }
      const cart = await loadCartForCoupons(req.scope, req.params.id)
      let held: ShopperCode[] = cart?.coupon_codes ?? []
      let names = await codeNames(req, cart, held)
      const isNamed = (code: ShopperCode, text: string) => names(code).includes(text) || names(code).includes(normalizeCode(text))
      const heldNamed = (text: string) => held.some((code) => isNamed(code, text))

      let appliedNow: string[] = []
      if (action !== "remove") {
        const onCart = new Set((cart?.promotions ?? []).map((promotion) => promotion.code))
        const fresh = [...new Set(texts.filter((text) => !heldNamed(text) && !onCart.has(text)))]
        if (fresh.length) {
          const outcome = await applyPromoCodeCoupons(req as AuthenticatedMedusaRequest, res, fresh)
          if (outcome.answered) {
            return
          }
          appliedNow = outcome.applied
          if (appliedNow.length) {
            held = await cartShopperCodes(req.scope, req.params.id)
            names = await codeNames(req, await loadCartForCoupons(req.scope, req.params.id), held)
          }
        }
      }
      if (!held.length) {
        return next()
      }
      if (appliedNow.length) {
        undoOnFailure(req as AuthenticatedMedusaRequest, res, appliedNow)
      }

      const named = (code: ShopperCode) => texts.some((text) => isNamed(code, text))
      const leaving = action === "add" ? [] : held.filter((code) => (action === "replace" ? !named(code) : named(code)))
      for (const code of leaving) {
        await removeCouponFromCartWorkflow(req.scope).run({ input: { cart_id: req.params.id, code: code.code } })
      }

      // a held code stands for its coupon's promotions: the backing one and its twin, for the engine to pick
      const promotionsOf = (text: string) => {
        const code = held.find((candidate) => isNamed(candidate, text))
        return code ? (names(code).slice(2) as string[]) : []
      }
      for (const body of bodies) {
        if (body && Array.isArray(body.promo_codes)) {
          body.promo_codes = [
            ...new Set(
              body.promo_codes.flatMap((code) => {
                const promotions = typeof code === "string" ? promotionsOf(code.trim()) : []
                return promotions.length ? promotions : [code]
              })
            ),
          ]
        }
      }
      next()
    } catch (error) {
      next(error)
    }
  }

/**
 * What a storefront may send for a held code: as applied, as shown, or one of
 * its promotions' own codes (from the third on): those on the cart, or those
 * the cart is offered (its currency's) while the code waits.
 */
const codeNames = async (req: MedusaRequest, cart: CartForCoupons | null, held: ShopperCode[]) => {
  const couponIds = [...new Set(held.map((code) => code.coupon_id))]
  const promotions = couponIds.length ? await findBackingPromotions(req.scope, couponIds) : []
  const onCart = (cart?.promotions ?? []).flatMap((promotion) => (promotion.code ? [promotion.code] : []))
  const applied = new Map(couponIds.map((id) => [id, codesOfCouponAmong(promotions, id, onCart)]))
  // only a waiting code's coupon is read (which currency's pair its cart is offered): most codes are on the cart
  const waiting = couponIds.filter((id) => !applied.get(id)!.length)
  const coupons = waiting.length
    ? await req.scope
        .resolve<CouponModuleService>(COUPON_MODULE)
        .listCoupons({ id: waiting }, { select: ["id", "discount_type", "currency_code", "amounts"], withDeleted: true })
    : []
  const promotionCodes = new Map(
    couponIds.map((id) => {
      const coupon = coupons.find((candidate) => candidate.id === id)
      const pair = coupon ? pairCurrencyOf(coupon as never, cart?.currency_code) : null
      return [id, applied.get(id)!.length ? applied.get(id)! : offeredPromotionCodes(promotions, id, pair)]
    })
  )
  return (code: ShopperCode): (string | undefined)[] => [code.code, displayCode(code), ...(promotionCodes.get(code.coupon_id) ?? [])]
}

/** Medusa's route failing after codes were applied for it: they come off again before the error is sent. */
const undoOnFailure = (req: AuthenticatedMedusaRequest, res: MedusaResponse, applied: string[]) => {
  const send = res.json.bind(res)
  res.json = (body: unknown) => {
    if (res.statusCode < 400) {
      return send(body)
    }
    void giveBack(req, applied)
      .catch(() => undefined)
      .finally(() => send(body))
    return res
  }
}

/** Whether any sent code is a coupon code (or a masked one) at all: most are plain promotion codes. */
const anyCouponCode = async (req: MedusaRequest, codes: string[]): Promise<boolean> => {
  if (codes.some((code) => code.startsWith("****"))) {
    return true
  }
  const service = req.scope.resolve<CouponModuleService>(COUPON_MODULE)
  const forms = [...new Set(codes.flatMap((code) => service.codeLookupForms(normalizeCode(code))))]
  if (!forms.length) {
    return false
  }
  const [found] = await service.listCouponCodes({ code: forms }, { select: ["id"], take: 1 })
  return !!found
}
