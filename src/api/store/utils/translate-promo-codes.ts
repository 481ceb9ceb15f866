import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COUPON_MODULE } from "../../../modules/coupon"
import { displayCode } from "../../../modules/coupon/codes/hash"
import { normalizeCode } from "../../../modules/coupon/codes/normalize"
import type CouponModuleService from "../../../modules/coupon/service"
import { removeCouponFromCartWorkflow } from "../../../workflows/remove-coupon-from-cart"
import { findBackingPromotions } from "../../../workflows/utils/backing-promotion"
import { cartShopperCodes, type ShopperCode } from "./shopper-promotion-codes"

type PromoCodesBody = { promo_codes?: unknown }

/**
 * How the Medusa route treats `promo_codes`: removed, or the cart's whole
 * list (cart update). Adding is left alone: re-adding a code already on the
 * cart changes nothing, a new coupon code is applied through the coupon
 * route, and Medusa's add route keeps its own cost.
 */
type PromoCodesAction = "remove" | "replace"

/**
 * The other half of hideBackingPromotionCodes. A storefront sends back the
 * codes it was shown (`promo_codes` of Medusa's cart update and promotion
 * routes, as the Next.js starter does to update or remove promotions), so a
 * coupon code arrives where Medusa expects its backing promotion's code:
 * - codes applied to this cart are put back to their promotion's code;
 * - a coupon code that leaves the cart (removed, or left out of a cart
 *   update's list) goes through the plugin's remove workflow, so the code is
 *   unlinked with its discount instead of staying linked without it.
 * A coupon code that is not on the cart is left alone (Medusa skips it): it is
 * applied through `POST /store/carts/:id/coupons`, where its rules are checked.
 */
export const translatePromoCodes =
  (action: PromoCodesAction) => async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      const bodies = [req.body, req.validatedBody] as (PromoCodesBody | undefined)[]
      const sent = bodies.find((body) => Array.isArray(body?.promo_codes))?.promo_codes as unknown[] | undefined
      if (!sent) {
        return next()
      }
      const texts = sent.filter((code): code is string => typeof code === "string" && !!code.trim())
      // a cart update's list decides about every code on the cart; otherwise only coupon codes matter
      if (action !== "replace" && !(await anyCouponCode(req, texts))) {
        return next()
      }
      const held = await cartShopperCodes(req.scope, req.params.id)
      if (!held.length) {
        return next()
      }
      const promotions = await findBackingPromotions(req.scope, [...new Set(held.map((code) => code.coupon_id))])
      const promotionCodeOf = (code: ShopperCode) => promotions.find((promotion) => promotion.coupon_id === code.coupon_id)?.code
      // what a storefront may send for a code: as applied, as shown, or the promotion's own code
      const names = (code: ShopperCode) => [code.code, displayCode(code), promotionCodeOf(code)]
      const isNamed = (code: ShopperCode, text: string) => names(code).includes(text) || names(code).includes(normalizeCode(text))
      const named = (code: ShopperCode) => texts.some((text) => isNamed(code, text))

      const leaving = held.filter((code) => (action === "replace" ? !named(code) : named(code)))
      for (const code of leaving) {
        await removeCouponFromCartWorkflow(req.scope).run({ input: { cart_id: req.params.id, code: code.code } })
      }

      const promotionOf = (text: string) => {
        const code = held.find((candidate) => isNamed(candidate, text))
        return code && promotionCodeOf(code)
      }
      for (const body of bodies) {
        if (body && Array.isArray(body.promo_codes)) {
          body.promo_codes = body.promo_codes.map((code) => (typeof code === "string" ? promotionOf(code) ?? code : code))
        }
      }
      next()
    } catch (error) {
      next(error)
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
