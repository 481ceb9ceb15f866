import { AppliedCoupons } from "./applied-coupons"
import { CouponsProvider, type CouponsProviderProps } from "./context"
import { CouponForm } from "./coupon-form"

export type CartCouponsProps = Omit<CouponsProviderProps, "children"> & {
  /** Added to the wrapping element. */
  className?: string
}

/** The code field and the applied codes for one cart: the whole cart-page drop-in. */
export const CartCoupons = ({ className, ...props }: CartCouponsProps) => (
  <div className={className}>
    <CouponsProvider {...props}>
      <CouponForm />
      <AppliedCoupons />
    </CouponsProvider>
  </div>
)
