import { CouponDetailPage } from "../../../../../admin/routes/coupon-detail/coupon-detail-page"

const CouponDetailRoute = () => <CouponDetailPage />

export default CouponDetailRoute
