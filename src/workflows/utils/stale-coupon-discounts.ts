import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import { findBackingPromotions } from "./backing-promotion"
import { backingCodeOf } from "./promotion-data"

type Adjustment = { code?: string | null; created_at?: string | Date | null } | null
type CartOfAdjustments = {
  completed_at?: unknown
  coupon_codes?: ({ coupon_id: string } | null)[] | null
  items?: ({ adjustments?: Adjustment[] | null } | null)[] | null
  shipping_methods?: ({ adjustments?: Adjustment[] | null } | null)[] | null
}

/**
 * True when an adjustment of a coupon on this cart was computed before the
 * coupon's last edit (its `coupon.updated` audit entry): an edit that could not reach the cart then (its refresh
 * found the cart locked) must not reach the order at the old value.
 */
export const cartHasStaleCouponDiscounts = async (container: MedusaContainer, cartId: string): Promise<boolean> => {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart",
    fields: [
      "id",
      "completed_at",
      "coupon_codes.coupon_id",
      "items.adjustments.code",
      "items.adjustments.created_at",
      "shipping_methods.adjustments.code",
      "shipping_methods.adjustments.created_at",
    ],
    filters: { id: cartId },
  })
  const cart = data[0] as CartOfAdjustments | undefined
  const couponIds = [...new Set((cart?.coupon_codes ?? []).flatMap((code) => (code ? [code.coupon_id] : [])))]
  if (!cart || cart.completed_at || !couponIds.length) {
    return false
  }
  const computedAt = new Map<string, number>()
  for (const owner of [...(cart.items ?? []), ...(cart.shipping_methods ?? [])]) {
    for (const adjustment of owner?.adjustments ?? []) {
      if (adjustment?.code && adjustment.created_at) {
        // by backing code: the twin's and a currency pair's adjustments are the coupon's too
        const code = backingCodeOf(adjustment.code)
        const at = new Date(adjustment.created_at).getTime()
        computedAt.set(code, Math.min(at, computedAt.get(code) ?? at))
      }
    }
  }
  const discounting = (await findBackingPromotions(container, couponIds)).filter((promotion) => computedAt.has(promotion.code))
  if (!discounting.length) {
    return false
  }
  // the audit trail dates each edit (usage counting also moves the coupon's updated_at, edits only write these)
  const since = Math.min(...discounting.map((promotion) => computedAt.get(promotion.code)!))
  const edits = await container.resolve<CouponModuleService>(COUPON_MODULE).listCouponAuditEntries(
    {
      coupon_id: discounting.map((promotion) => promotion.coupon_id),
      action: "coupon.updated",
      created_at: { $gt: new Date(since) },
    } as never,
    { select: ["id", "coupon_id", "created_at"] }
  )
  return edits.some((edit) => {
    const promotion = discounting.find((candidate) => candidate.coupon_id === edit.coupon_id)
    return !!promotion && new Date(edit.created_at).getTime() > computedAt.get(promotion.code)!
  })
}
