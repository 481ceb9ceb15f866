import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { addCouponCodesWorkflow } from "../../../../../../workflows/add-coupon-codes"
import { refetchCoupon } from "../../../helpers"
import type { AdminImportCouponCodesType } from "../validators"
import { describeImportErrors, validateCodeImport } from "./validate-import"

/**
 * Imports codes from CSV sent as JSON `{ "csv": "<file text>" }` (header row:
 * code[,usage_limit,expires_at,assigned_email,status]; an export's extra
 * columns are ignored). All rows are checked first; any problem answers 400
 * with `errors: [{ line, code, error }]` and nothing is imported.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminImportCouponCodesType>, res: MedusaResponse) => {
  const couponId = req.params.id
  await refetchCoupon(req.scope, couponId, ["id"])
  const { rows, errors } = await validateCodeImport(req.scope, req.validatedBody.csv)
  if (errors.length) {
    res.status(400).json({ type: MedusaError.Types.INVALID_DATA, message: describeImportErrors(errors), errors })
    return
  }
  const { result } = await addCouponCodesWorkflow(req.scope).run({
    input: { coupon_id: couponId, codes: rows, source: "import", actor_id: req.auth_context?.actor_id ?? null },
  })
  res.json({ imported: result.length })
}
