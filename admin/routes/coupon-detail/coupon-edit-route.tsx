import { useParams } from "react-router-dom"
import { useClosingRoute } from "../../components/route-modal"
import { useCoupon } from "../../hooks/coupons"
import { CouponEditDrawer } from "./coupon-edit-drawer"

/** /coupons/:id/edit: the edit drawer over the detail page; saving or closing returns to it. */
export const CouponEditRoute = () => {
  const { id } = useParams()
  const { data } = useCoupon(id!)
  const { open, onOpenChange } = useClosingRoute(`/coupons/${id}`)
  return data ? <CouponEditDrawer coupon={data.coupon} open={open} onOpenChange={onOpenChange} /> : null
}
