import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COUPON_MODULE } from "../../../../../../modules/coupon"
import { REDEMPTION_EXPORT_COLUMNS } from "../../../../../../modules/coupon/csv/code-columns"
import type CouponModuleService from "../../../../../../modules/coupon/service"
import { pagedRows, streamCsv } from "../../../csv-stream"
import { refetchCoupon } from "../../../helpers"
import { redemptionExportFilters } from "../helpers"
import type { AdminExportCouponRedemptionsParamsType } from "../validators"

const PAGE_SIZE = 5_000

/** The coupon's ledger as CSV, oldest first, with the list's filters; read in pages. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const couponId = req.params.id
  await refetchCoupon(req.scope, couponId, ["id"])
  const service = req.scope.resolve<CouponModuleService>(COUPON_MODULE)
  const filters = redemptionExportFilters(couponId, req.validatedQuery as AdminExportCouponRedemptionsParamsType)
  const rows = pagedRows(
    (after: { cursor: string; id: string } | null) => service.listRedemptionExportPage(filters, after, PAGE_SIZE),
    (row) => ({ cursor: row.cursor, id: row.id }),
    PAGE_SIZE
  )
  await streamCsv(res, `coupon-${couponId}-redemptions.csv`, REDEMPTION_EXPORT_COLUMNS, rows)
}
