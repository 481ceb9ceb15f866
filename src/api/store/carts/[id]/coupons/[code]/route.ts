import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeCouponFromCartWorkflow } from "../../../../../../workflows/remove-coupon-from-cart"
import { refetchCartWithCoupons } from "../../../../../utils/refetch-cart"

export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await removeCouponFromCartWorkflow(req.scope).run({
    input: { cart_id: req.params.id, code: req.params.code },
  })
  res.json({ cart: await refetchCartWithCoupons(req.scope, req.params.id, req.queryConfig?.fields) })
}
