// The official starter's totals (src/modules/common/components/cart-totals),
// with its data-testid and data-value attributes.
import { convertToLocale } from "@lib/util/money"

type CartTotalsProps = {
  totals: {
    total?: number | null
    tax_total?: number | null
    currency_code: string
    item_subtotal?: number | null
    shipping_subtotal?: number | null
    discount_subtotal?: number | null
  }
}

const CartTotals = ({ totals }: CartTotalsProps) => {
  const { currency_code, total, tax_total, item_subtotal, shipping_subtotal, discount_subtotal } = totals
  const money = (amount?: number | null) => convertToLocale({ amount: amount ?? 0, currency_code })
  return (
    <div style={{ marginTop: 12 }}>
      <div className="row">
        <span>Subtotal (excl. shipping and taxes)</span>
        <span data-testid="cart-subtotal" data-value={item_subtotal || 0}>
          {money(item_subtotal)}
        </span>
      </div>
      <div className="row">
        <span>Shipping</span>
        <span data-testid="cart-shipping" data-value={shipping_subtotal || 0}>
          {money(shipping_subtotal)}
        </span>
      </div>
      {!!discount_subtotal && (
        <div className="row">
          <span>Discount</span>
          <span data-testid="cart-discount" data-value={discount_subtotal || 0}>
            - {money(discount_subtotal)}
          </span>
        </div>
      )}
      <div className="row">
        <span>Taxes</span>
        <span data-testid="cart-taxes" data-value={tax_total || 0}>
          {money(tax_total)}
        </span>
      </div>
      <div className="row total">
        <span>Total</span>
        <span data-testid="cart-total" data-value={total || 0}>
          {money(total)}
        </span>
      </div>
    </div>
  )
}

export default CartTotals
