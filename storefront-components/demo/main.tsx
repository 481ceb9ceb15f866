// The storefront components on a bare React page, against a running store: a
// cart in the US region (made once, then kept in localStorage), a button per
// product, the coupon form, the applied codes and the totals. Open the page
// with ?coupon=CODE to try a link. The store's URL and publishable key are set
// at build time (MEDUSA_BACKEND_URL, MEDUSA_PUBLISHABLE_KEY: see build.mjs).
import Medusa from "@medusajs/js-sdk"
import { StrictMode, useEffect, useState } from "react"
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

declare const __MEDUSA_BACKEND_URL__: string
declare const __MEDUSA_PUBLISHABLE_KEY__: string

const backend = __MEDUSA_BACKEND_URL__
const sdk = new Medusa({ baseUrl: backend, publishableKey: __MEDUSA_PUBLISHABLE_KEY__ })
const cartKey = `demo:cart:${backend}`
const locale = "en-US"

type Variant = { id: string; calculated_price?: { calculated_amount?: number | null } | null }
type Product = { id: string; title: string; variants?: Variant[] | null }
type Line = { id: string; title?: string; product_title?: string; quantity?: number; subtotal?: number }

// a StoreCart is a CouponCart as it is (no cast)
const asCouponCart = (cart: CouponCart): CouponCart => cart

/** The saved cart if it is still open and in the US region, otherwise a new one there; and the products. */
const openStore = async (): Promise<{ cart: CouponCart; products: Product[] }> => {
  const { regions } = await sdk.store.region.list()
  const us = regions.find((region) => region.countries?.some((country) => country.iso_2 === "us"))
  if (!us) {
    throw new Error("The store has no region for the United States.")
  }
  const saved = localStorage.getItem(cartKey)
  let cart = saved
    ? await sdk.store.cart.retrieve(saved).then(
        ({ cart }) => cart,
        () => null
      )
    : null
  if (!cart || cart.completed_at || cart.region_id !== us.id) {
    cart = (await sdk.store.cart.create({ region_id: us.id, shipping_address: { country_code: "us" } })).cart
    localStorage.setItem(cartKey, cart.id)
  }
  const { products } = await sdk.store.product.list({
    region_id: us.id,
    fields: "id,title,variants.id,*variants.calculated_price",
    limit: 20,
  })
  return { cart: asCouponCart(cart), products: products as Product[] }
}

// once per page load, outside React (StrictMode runs effects twice)
const opening = openStore()

const money = (amount: unknown, currency: string) => formatMoney(Number(amount ?? 0), currency, locale)

const FromLink = () => {
  useCouponFromUrl()
  return null
}

const Lines = () => {
  const cart = useCouponsContext()?.cart
  if (!cart) {
    return null
  }
  const lines = (cart.items ?? []) as Line[]
  return (
    <ul className="lines" aria-label="Cart">
      {lines.length === 0 && <li className="muted">Your cart is empty.</li>}
      {lines.map((line) => (
        <li key={line.id}>
          <span>
            {line.product_title ?? line.title} × {line.quantity}
          </span>
          <span>{money(line.subtotal, cart.currency_code)}</span>
        </li>
      ))}
    </ul>
  )
}

/** The totals, from the cart the coupon hook holds (it has the latest after an apply or remove). */
const Totals = () => {
  const cart = useCouponsContext()?.cart
  if (!cart) {
    return null
  }
  return (
    <div className="summary" data-testid="summary">
      <div>
        <span>Items</span>
        <span data-testid="item-subtotal">{money(cart.item_subtotal, cart.currency_code)}</span>
      </div>
      <CouponDiscountLine />
      <div>
        <span>Tax</span>
        <span data-testid="tax">{money(cart.tax_total, cart.currency_code)}</span>
      </div>
      <div className="total">
        <strong>Total</strong>
        <strong data-testid="total">{money(cart.total, cart.currency_code)}</strong>
      </div>
    </div>
  )
}

const App = () => {
  const [cart, setCart] = useState<CouponCart | null>(null)
  const [products, setProducts] = useState<Product[]>([])
  const [adding, setAdding] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    opening.then(
      (store) => {
        setCart(store.cart)
        setProducts(store.products)
      },
      (error: Error) => setProblem(`Could not open a cart on ${backend}: ${error.message}`)
    )
  }, [])

  const add = async (variantId: string) => {
    setAdding(variantId)
    setProblem(null)
    try {
      setCart(asCouponCart((await sdk.store.cart.createLineItem(cart!.id, { variant_id: variantId, quantity: 1 })).cart))
    } catch (error) {
      setProblem(`Could not add the product: ${(error as Error).message}`)
    } finally {
      setAdding(null)
    }
  }

  return (
    <main>
      <h1>Checkout</h1>
      <p className="muted">
        Store {backend}
        <br />
        <span data-testid="cart-id">{cart ? `Cart ${cart.id} (United States)` : problem ? "No cart" : "Opening a cart…"}</span>
      </p>
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      {cart && (
        <div className="products" aria-label="Products" role="group">
          {products.map((product) => {
            const variant = product.variants?.[0]
            return (
              variant && (
                <button key={product.id} type="button" disabled={!!adding} onClick={() => void add(variant.id)}>
                  Add {product.title}
                  <span className="muted price">{money(variant.calculated_price?.calculated_amount, cart.currency_code)}</span>
                </button>
              )
            )
          })}
        </div>
      )}
      <CouponsProvider sdk={sdk} cartId={cart?.id ?? null} cart={cart} onCartChange={setCart} locale={locale}>
        <FromLink />
        <Lines />
        <CouponForm />
        <AppliedCoupons />
        <Totals />
      </CouponsProvider>
    </main>
  )
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
