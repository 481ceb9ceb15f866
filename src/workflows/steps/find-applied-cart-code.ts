import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import cartCouponCodeLink from "../../links/cart-coupon-code"
import { normalizeCode } from "../../modules/coupon/codes/normalize"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import { codesOfCouponAmong, findBackingPromotions } from "../utils/backing-promotion"
import { loadCartForCoupons } from "../utils/coupon-context"

/** The code as typed, or the id of a code on the cart (the plugin releasing a code that died). */
export type FindAppliedCartCodeStepInput = { cart_id: string; code?: string; code_id?: string }

export type AppliedCartCode = {
  /** null: nothing of this code is on the cart (a dead code already released): removing it is a no-op */
  code_id: string | null
  code: string
  coupon_id: string | null
  coupon_still_used: boolean
  /** the backing promotion's code to take off the cart, when no other code of the coupon keeps it */
  /** the promotion codes to take off the cart (the coupon's backing promotion and its twin); none while another code of the coupon stays */
  promotion_codes: string[]
}

export const findAppliedCartCodeStepId = "find-applied-cart-code"

type LinkedCode = { id: string; code: string; coupon_id: string; status?: string }

/** Codes still linked to the cart although deleted since (the cart query shows them as empty entries). */
const deletedCodesOnCart = async (container: MedusaContainer, cartId: string, liveIds: string[]): Promise<LinkedCode[]> => {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: cartCouponCodeLink.entryPoint,
    fields: ["coupon_code_id"],
    filters: { cart_id: cartId },
  })
  const ids = (data as unknown as { coupon_code_id: string }[]).map((row) => row.coupon_code_id).filter((id) => !liveIds.includes(id))
  if (!ids.length) {
    return []
  }
  return container
    .resolve<CouponModuleService>(COUPON_MODULE)
    .listCouponCodes({ id: ids }, { select: ["id", "code", "coupon_id", "status"], withDeleted: true }) as Promise<LinkedCode[]>
}

/** A typed code that can no longer discount anything: deleted, disabled, or its coupon deleted or not active. */
const isDeadCode = async (service: CouponModuleService, forms: string[]) => {
  if (!forms.length) {
    return false
  }
  const codes = await service.listCouponCodes({ code: forms }, { relations: ["coupon"], withDeleted: true })
  return codes.some(
    (code) => code.deleted_at || code.status !== "active" || !code.coupon || code.coupon.deleted_at || code.coupon.status !== "active"
  )
}

/**
 * The applied code to remove, and whether another active code of its coupon
 * stays on the cart. A code that died while on the cart (deleted, disabled,
 * its coupon deleted) is still found, so the shopper can always drop what the
 * cart shows; a dead code no longer on the cart is "nothing to remove" (200),
 * while a live code that is not on the cart is a 404.
 */
export const findAppliedCartCodeStep = createStep(
  findAppliedCartCodeStepId,
  async ({ cart_id, code, code_id }: FindAppliedCartCodeStepInput, { container }) => {
    const cart = await loadCartForCoupons(container, cart_id)
    if (!cart) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${cart_id}`)
    }
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const normalized = normalizeCode(code ?? "")
    // the code as typed, or as the cart shows it (a hashed code's digest): removing needs no secret
    const forms = code === undefined ? [] : [normalized, ...service.codeLookupForms(normalized)]
    const matches = (linked: LinkedCode) => (code_id ? linked.id === code_id : forms.includes(linked.code))
    const live = (cart.coupon_codes ?? []) as LinkedCode[]
    const applied =
      live.find(matches) ??
      (
        await deletedCodesOnCart(
          container,
          cart_id,
          live.map((linked) => linked.id)
        )
      ).find(matches)

    if (!applied) {
      if (!code_id && (await isDeadCode(service, forms))) {
        return new StepResponse<AppliedCartCode>({
          code_id: null,
          code: normalized,
          coupon_id: null,
          coupon_still_used: false,
          promotion_codes: [],
        })
      }
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Code ${code_id ?? normalized} is not applied to cart ${cart_id}`)
    }
    const couponStillUsed = live.some(
      (linked) => linked.id !== applied.id && linked.coupon_id === applied.coupon_id && linked.status === "active"
    )
    const promotions = couponStillUsed ? [] : await findBackingPromotions(container, [applied.coupon_id])
    return new StepResponse<AppliedCartCode>({
      code_id: applied.id,
      code: applied.code,
      coupon_id: applied.coupon_id,
      coupon_still_used: couponStillUsed,
      // the backing pair, and whichever of its promotions is on the cart (a currency's pair)
      promotion_codes: [
        ...new Set([
          ...promotions.map((promotion) => promotion.code),
          ...codesOfCouponAmong(
            promotions,
            applied.coupon_id,
            (cart.promotions ?? []).flatMap((promotion) => (promotion.code ? [promotion.code] : []))
          ),
        ]),
      ],
    })
  }
)
