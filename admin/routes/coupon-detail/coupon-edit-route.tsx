import { useParams } from "react-router-dom"
import { useClosingRoute } from "../../components/route-modal"
import { useCoupon } from "../../hooks/coupons"
import { useStoreCurrenciesLoaded } from "../../hooks/store-currency"
import { CouponEditDrawer } from "./coupon-edit-drawer"

/** /coupons/:id/edit: the edit drawer over the detail page; saving or closing returns to it. */
export const CouponEditRoute = () => {
  const { id } = useParams()
  const { data } = useCoupon(id!)
  // the form starts from the coupon and the store's currencies, so it opens once both are read
  const currenciesLoaded = useStoreCurrenciesLoaded()
  const { open, onOpenChange } = useClosingRoute(`/coupons/${id}`)
  return data && currenciesLoaded ? <CouponEditDrawer coupon={data.coupon} open={open} onOpenChange={onOpenChange} /> : null
}
