import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../../modules/coupon"
import type CouponModuleService from "../../../modules/coupon/service"
import { findCouponsOfPromotionCodes } from "../../../workflows/utils/backing-promotion"
import { BACKING_CODE_PREFIX, backingCodeOf } from "../../../workflows/utils/promotion-data"

/**
 * A coupon's backing promotion (and its tax-inclusive twin) is the coupon's
 * own: edited or deleted through Medusa's promotion routes it would fall out
 * of step with the coupon (a discount, status or rules the coupon does not
 * have). Those writes answer 400 naming the coupon; the coupon's routes keep
 * both in step.
 */
export const refuseBackingPromotionWrites = async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
  try {
    const [promotion] = await req.scope
      .resolve(Modules.PROMOTION)
      .listPromotions({ id: req.params.id }, { select: ["id", "code"], take: 1 })
    const [backing] = promotion?.code ? await findCouponsOfPromotionCodes(req.scope, [promotion.code]) : []
    if (!backing) {
      return next()
    }
    const [coupon] = await req.scope
      .resolve<CouponModuleService>(COUPON_MODULE)
      .listCoupons({ id: backing.coupon_id }, { select: ["id", "name"], withDeleted: true, take: 1 })
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Promotion ${promotion.code} belongs to coupon "${coupon?.name ?? backing.coupon_id}" (${backing.coupon_id}): change or delete the coupon instead (/app/coupons/${backing.coupon_id}).`
    )
  } catch (error) {
    next(error)
  }
}

/** Every coupon's promotion codes: backing, twin and currency pairs (the coupon ↔ promotion link; deleted coupons' too). */
const allBackingCodes = async (req: MedusaRequest): Promise<string[]> => {
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "coupon",
    fields: ["promotion.code"],
    withDeleted: true,
  })
  const backing = new Set((data as { promotion?: { code?: string | null } | null }[]).flatMap((coupon) => coupon.promotion?.code ?? []))
  if (!backing.size) {
    return []
  }
  // each of a coupon's promotions is named after its backing code
  const named = await req.scope
    .resolve(Modules.PROMOTION)
    .listPromotions({ code: { $like: `${BACKING_CODE_PREFIX}%` } } as never, { select: ["code"], take: null as never })
  return named.flatMap((promotion) => (promotion.code && backing.has(backingCodeOf(promotion.code)) ? [promotion.code] : []))
}

/**
 * Medusa's Promotions list leaves the coupons' own promotions out (they are
 * managed on the Coupons page), unless `code` asks for a code by name. Runs
 * after Medusa parsed the query: the filter joins its own, so counts and pages
 * stay right.
 */
export const hideBackingPromotions = async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
  try {
    const filters = req.filterableFields as Record<string, unknown>
    if (filters && filters.code === undefined) {
      const codes = await allBackingCodes(req)
      if (codes.length) {
        const and = Array.isArray(filters.$and) ? filters.$and : []
        req.filterableFields = { ...filters, $and: [...and, { code: { $nin: codes } }] }
      }
    }
    next()
  } catch (error) {
    next(error)
  }
}

export const adminPromotionRoutesMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/promotions", middlewares: [hideBackingPromotions] },
  { method: ["POST", "DELETE"], matcher: "/admin/promotions/:id", middlewares: [refuseBackingPromotionWrites] },
  { method: ["POST", "DELETE"], matcher: "/admin/promotions/:id/*", middlewares: [refuseBackingPromotionWrites] },
]
