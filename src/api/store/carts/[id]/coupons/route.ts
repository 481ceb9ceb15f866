import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { authenticatedCustomerId } from "../../../utils/remember-shopper"
import { applyCouponToCartWorkflow } from "../../../../../workflows/apply-coupon-to-cart"
import { refetchCartWithCoupons } from "../../../../utils/refetch-cart"
import type { StoreApplyCouponType } from "../../../coupons/validators"

export const POST = async (req: AuthenticatedMedusaRequest<StoreApplyCouponType>, res: MedusaResponse) => {
  await applyCouponToCartWorkflow(req.scope).run({
    input: {
      cart_id: req.params.id,
      code: req.validatedBody.code,
      customer_id: authenticatedCustomerId(req),
    },
  })
  res.json({ cart: await refetchCartWithCoupons(req.scope, req.params.id, req.queryConfig?.fields) })
}
