import { CouponCreateModal } from "../../../../../admin/routes/coupon-create/coupon-create-modal"

// "@": a child of /coupons, so the list stays behind the modal (rendered in its Outlet)
const CouponCreateRoute = () => <CouponCreateModal />

export default CouponCreateRoute
