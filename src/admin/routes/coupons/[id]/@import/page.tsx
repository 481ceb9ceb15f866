import { CouponImportRoute } from "../../../../../../admin/routes/coupon-detail/coupon-import-route"

// "@": a child of /coupons/:id, drawn over the detail page (its Outlet) at /coupons/:id/import
const Route = () => <CouponImportRoute />

export default Route
