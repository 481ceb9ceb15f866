import { CouponDistributeRoute } from "../../../../../../admin/routes/coupon-detail/coupon-distribute-route"

// "@": a child of /coupons/:id, drawn over the detail page (its Outlet) at /coupons/:id/distribute
const Route = () => <CouponDistributeRoute />

export default Route
