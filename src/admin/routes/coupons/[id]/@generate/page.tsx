import { CouponGenerateRoute } from "../../../../../../admin/routes/coupon-detail/coupon-generate-route"

// "@": a child of /coupons/:id, drawn over the detail page (its Outlet) at /coupons/:id/generate
const Route = () => <CouponGenerateRoute />

export default Route
