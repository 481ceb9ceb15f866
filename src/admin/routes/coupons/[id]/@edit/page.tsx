import { CouponEditRoute } from "../../../../../../admin/routes/coupon-detail/coupon-edit-route"

// "@": a child of /coupons/:id, drawn over the detail page (its Outlet) at /coupons/:id/edit
const Route = () => <CouponEditRoute />

export default Route
