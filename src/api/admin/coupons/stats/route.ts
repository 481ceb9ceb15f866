import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COUPON_MODULE } from "../../../../modules/coupon"
import type CouponModuleService from "../../../../modules/coupon/service"
import type { AdminGetStoreCouponStatsParamsType } from "./validators"

/** Redemption analytics over every coupon of the store, with the most redeemed coupons. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetStoreCouponStatsParamsType>, res: MedusaResponse) => {
  const { from, to, top } = req.validatedQuery as AdminGetStoreCouponStatsParamsType
  const service = req.scope.resolve<CouponModuleService>(COUPON_MODULE)
  const [stats, topCoupons] = await Promise.all([service.getCouponStats({ from, to }), service.getTopCoupons({ from, to }, top)])
  res.json({ from: from ?? null, to: to ?? null, ...stats, top_coupons: topCoupons })
}
