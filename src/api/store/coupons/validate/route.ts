import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { authenticatedCustomerId } from "../../utils/remember-shopper"
import { normalizeCode } from "../../../../modules/coupon/codes/normalize"
import { isCouponError } from "../../../../modules/coupon/errors/coupon-error"
import { validateCouponWorkflow } from "../../../../workflows/validate-coupon"
import { previewCouponDiscount } from "../../../../workflows/utils/preview-discount"
import type { StoreValidateCouponResponse } from "../../../../types/http/store"
import type { StoreValidateCouponType } from "../validators"

/**
 * A code that does not apply is an answer, not an error: 200 with
 * `valid: false` and the stable reason, so storefronts can show why.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreValidateCouponType>, res: MedusaResponse<StoreValidateCouponResponse>) => {
  const { code, cart_id } = req.validatedBody
  try {
    const { result } = await validateCouponWorkflow(req.scope).run({
      input: {
        code,
        cart_id: cart_id ?? null,
        customer_id: authenticatedCustomerId(req),
        phase: "validate",
      },
    })
    const discount_preview = cart_id ? await previewCouponDiscount(req.scope, cart_id, result.coupon_id) : undefined
    res.json({
      valid: true,
      code: result.code,
      coupon: result.coupon,
      // without a cart, the cart's checks come at apply and completion: say which
      ...(cart_id ? { discount_preview } : { checks_pending: result.checks_pending }),
    })
  } catch (error) {
    if (!isCouponError(error)) {
      throw error
    }
    res.json({ valid: false, code: normalizeCode(code), reason: error.code ?? error.reason, message: error.message })
  }
}
