// A bare React page with the storefront components against a running store.
// Settings come from the address: ?backend=http://localhost:9000&key=pk_...&cart=cart_...
// (and ?coupon=CODE to try the link flow). Without a cart id it offers to
// create one holding the store's first product.
import Medusa from "@medusajs/js-sdk"
import { StrictMode, useMemo, useState } from "react"
import { createRoot } from "react-dom/client"
import {
  AppliedCoupons,
  CouponDiscountLine,
  CouponForm,
  CouponsProvider,
  formatMoney,
  useCouponFromUrl,
  useCouponsContext,
  type CouponCart,
} from "../index"

const params = new URLSearchParams(window.location.search)
const backend = params.get("backend") ?? localStorage.getItem("demo:backend") ?? "http://localhost:9000"
const key = params.get("key") ?? localStorage.getItem("demo:key") ?? ""
localStorage.setItem("demo:backend", backend)
localStorage.setItem("demo:key", key)

const Summary = () => {
  const cart = useCouponsContext()?.cart
  if (!cart) {
    return null
  }
  const money = (amount?: number | null) => formatMoney(Number(amount ?? 0), cart.currency_code)
  return (
    <div className="summary" data-testid="summary">
      <div><span>Subtotal</span><span>{money(cart.subtotal)}</span></div>
      <CouponDiscountLine />
      <div><strong>Total</strong><strong data-testid="total">{money(cart.total)}</strong></div>
    </div>
  )
}

const FromLink = () => {
  useCouponFromUrl()
  return null
}

const createCart = async (sdk: Medusa) => {
  const { products } = await sdk.store.product.list({ limit: 1, fields: "id,*variants" })
  const variant = products[0]?.variants?.[0]
  const { cart } = await sdk.store.cart.create({})
  if (variant) {
    await sdk.store.cart.createLineItem(cart.id, { variant_id: variant.id, quantity: 1 })
  }
  return cart.id
}

const App = () => {
  const sdk = useMemo(() => new Medusa({ baseUrl: backend, publishableKey: key }), [])
  const [cartId, setCartId] = useState<string | null>(params.get("cart") ?? localStorage.getItem("demo:cart"))
  const [, setCart] = useState<CouponCart | null>(null)
  const chooseCart = (id: string | null) => {
    setCartId(id)
    if (id) {
      localStorage.setItem("demo:cart", id)
    } else {
      localStorage.removeItem("demo:cart")
    }
  }
  return (
    <main>
      <h1>Checkout</h1>
      <div className="setup">
        <span>Store {backend} · key {key ? `${key.slice(0, 10)}…` : "(none: add ?key=pk_...)"}</span>
        <span>Cart {cartId ?? "(none)"}</span>
        <div>
          <button type="button" onClick={() => void createCart(sdk).then(chooseCart)}>New cart with a product</button>{" "}
          <button type="button" onClick={() => chooseCart(null)}>Forget cart</button>
        </div>
      </div>
      <CouponsProvider sdk={sdk} cartId={cartId} onCartChange={setCart}>
        <FromLink />
        <CouponForm />
        <AppliedCoupons />
        <Summary />
      </CouponsProvider>
    </main>
  )
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
