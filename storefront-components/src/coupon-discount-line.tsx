import { partClasses, type Themable } from "./class-names"
import { useBinding, type CouponsBinding } from "./context"
import { formatMessage } from "./format-message"
import { formatMoney } from "./money"
import type { CouponCart } from "./types"

export type CouponDiscountLinePart = "label" | "amount"

export type CouponDiscountLineProps = CouponsBinding &
  Themable<CouponDiscountLinePart | "root"> & {
    /** The cart to read; by default the one `coupons` (or the provider) holds. */
    cart?: CouponCart | null
    /** Shown instead of the cart's `discount_total`. */
    amount?: number
    /** Render nothing when there is no saving (default true). */
    hideWhenZero?: boolean
  }

/** "Discount  -$11.00": the savings row of a cart summary, in the cart's currency. */
export const CouponDiscountLine = (props: CouponDiscountLineProps) => {
  const { coupons, messages, locale } = useBinding(props)
  const part = partClasses("coupons-line", props)
  const cart = props.cart ?? coupons?.cart
  const amount = props.amount ?? Number(cart?.discount_total ?? 0)
  if (!cart?.currency_code || ((props.hideWhenZero ?? true) && !amount)) {
    return null
  }
  return (
    <div className={part("root")} data-amount={amount}>
      <span className={part("label")}>{formatMessage(messages.discountLine)}</span>
      <span className={part("amount")}>
        {formatMessage(messages.discountAmount, { amount: formatMoney(amount, cart.currency_code, locale) })}
      </span>
    </div>
  )
}
