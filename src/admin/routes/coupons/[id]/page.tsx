import { couponBreadcrumb } from "../../../../../admin/components/coupon-breadcrumbs"
import { CouponDetailPage } from "../../../../../admin/routes/coupon-detail/coupon-detail-page"

const CouponDetailRoute = () => <CouponDetailPage />

// the coupon's name after "Coupons ›" in the dashboard's top bar
export const handle = { breadcrumb: couponBreadcrumb }

export default CouponDetailRoute
