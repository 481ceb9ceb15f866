import { RouteFocusModal } from "../../components/route-modal"
import { CouponCreateForm } from "./coupon-create-form"

/** /coupons/create: the create form over the list; closing (or back) returns to the list. */
export const CouponCreateModal = () => (
  <RouteFocusModal closeTo="/coupons">
    <CouponCreateForm />
  </RouteFocusModal>
)
