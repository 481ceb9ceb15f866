// The order confirmation: the order's own totals, its discount and the codes
// on its items' adjustments.
import { retrieveOrder } from "@lib/data/cart"
import { convertToLocale } from "@lib/util/money"
import { notFound } from "next/navigation"

export const metadata = { title: "Order confirmed" }

export default async function OrderConfirmed({ params }: { params: Promise<{ id: string }> }) {
  const order = await retrieveOrder((await params).id)
  if (!order) {
    notFound()
  }
  const money = (amount?: number | null) => convertToLocale({ amount: amount ?? 0, currency_code: order.currency_code })
  const codes = [...new Set(order.items?.flatMap((item) => item.adjustments?.map((adjustment) => adjustment.code) ?? []).filter(Boolean))]
  return (
    <>
      <h1>Thank you! Order #{order.display_id} is placed.</h1>
      <section aria-label="Order summary">
        <div className="row">
          <span>Order</span>
          <span data-testid="order-id">{order.id}</span>
        </div>
        <div className="row">
          <span>Subtotal</span>
          <span data-testid="order-subtotal" data-value={order.item_subtotal}>
            {money(order.item_subtotal)}
          </span>
        </div>
        <div className="row">
          <span>
            Discount{" "}
            {codes.length > 0 && (
              <span className="badge" data-testid="order-codes">
                {codes.join(", ")}
              </span>
            )}
          </span>
          <span data-testid="order-discount" data-value={order.discount_total}>
            - {money(order.discount_total)}
          </span>
        </div>
        <div className="row">
          <span>Shipping</span>
          <span>{money(order.shipping_total)}</span>
        </div>
        <div className="row">
          <span>Taxes</span>
          <span>{money(order.tax_total)}</span>
        </div>
        <div className="row total">
          <span>Total</span>
          <span data-testid="order-total" data-value={order.total}>
            {money(order.total)}
          </span>
        </div>
      </section>
    </>
  )
}
