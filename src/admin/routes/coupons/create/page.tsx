import { CouponListPage } from "../../../../../admin/routes/coupon-list/coupon-list-page"
import { CouponCreateModal } from "../../../../../admin/routes/coupon-create/coupon-create-modal"

// the create modal opens over the list, as the dashboard's own create screens do
const CouponCreateRoute = () => (
  <>
    <CouponListPage />
    <CouponCreateModal />
  </>
)

export default CouponCreateRoute
