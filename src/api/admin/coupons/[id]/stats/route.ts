import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COUPON_MODULE } from "../../../../../modules/coupon"
import type CouponModuleService from "../../../../../modules/coupon/service"
import { refetchCoupon } from "../../helpers"
import type { AdminCouponStatsResponse } from "../../../../../types/http/admin"
import type { AdminGetCouponStatsParamsType } from "../../stats/validators"

/** Redemption analytics of one coupon (SQL aggregates over redeemed ledger rows). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCouponStatsParamsType>,
  res: MedusaResponse<AdminCouponStatsResponse>
) => {
  const couponId = req.params.id
  await refetchCoupon(req.scope, couponId, ["id"])
  const { from, to } = req.validatedQuery as AdminGetCouponStatsParamsType
  const stats = await req.scope.resolve<CouponModuleService>(COUPON_MODULE).getCouponStats({ coupon_id: couponId, from, to })
  res.json({ coupon_id: couponId, from: from?.toISOString() ?? null, to: to?.toISOString() ?? null, ...stats })
}
