import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COUPON_MODULE } from "../../../../../../modules/coupon"
import { CODE_EXPORT_COLUMNS } from "../../../../../../modules/coupon/csv/code-columns"
import type CouponModuleService from "../../../../../../modules/coupon/service"
import { pagedRows, streamCsv } from "../../../csv-stream"
import { refetchCoupon } from "../../../helpers"

const PAGE_SIZE = 5_000

/** Every live code of the coupon as CSV, read in pages of 5,000 (never all rows at once). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const couponId = req.params.id
  await refetchCoupon(req.scope, couponId, ["id"])
  const service = req.scope.resolve<CouponModuleService>(COUPON_MODULE)
  const rows = pagedRows(
    (after: string | null) => service.listCodeExportPage(couponId, after, PAGE_SIZE),
    (row) => row.id,
    PAGE_SIZE
  )
  await streamCsv(res, `coupon-${couponId}-codes.csv`, CODE_EXPORT_COLUMNS, rows)
}
