// The same cart with the plugin's storefront components in place of the
// starter's promotion field.
import { retrieveCart } from "@lib/data/cart"
import { convertToLocale } from "@lib/util/money"
import CartTotals from "@modules/cart/cart-totals"
import CheckoutForm from "@modules/checkout/checkout-form"
import Coupons from "@modules/coupons/coupons"
import Link from "next/link"

export const metadata = { title: "Cart (coupon components)" }

export default async function ComponentsCart() {
  const cart = await retrieveCart()
  if (!cart?.items?.length) {
    return (
      <>
        <h1>Cart</h1>
        <p>
          Your cart is empty. <Link href="/">Add a product</Link>.
        </p>
      </>
    )
  }
  return (
    <>
      <h1>Cart</h1>
      <section aria-label="Items">
        {cart.items.map((item) => (
          <div key={item.id} className="row" data-testid="product-row">
            <span>
              {item.product_title} · {item.variant_title} × {item.quantity}
            </span>
            <span>{convertToLocale({ amount: item.total ?? 0, currency_code: cart.currency_code })}</span>
          </div>
        ))}
      </section>
      <section aria-label="Summary">
        <h2>Summary</h2>
        <Coupons cart={cart} />
        <CartTotals totals={cart} />
      </section>
      <section aria-label="Checkout">
        <h2>Checkout</h2>
        <CheckoutForm countryCode={cart.region?.countries?.[0]?.iso_2 ?? "us"} />
      </section>
    </>
  )
}
