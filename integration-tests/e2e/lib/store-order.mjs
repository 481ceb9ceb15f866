// Places a real order with a coupon through the store API, as a storefront would.

const call = async (base, key, method, path, body) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json", "x-publishable-api-key": key },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = await response.json()
  if (!response.ok) {
    throw new Error(`${method} ${path} → ${response.status} ${json.message}`)
  }
  return json
}

export const placeOrderWithCoupon = async ({ base, publishableKey, code, email = "e2e-shopper@example.com", currency = "usd" }) => {
  const { regions } = await call(base, publishableKey, "GET", "/store/regions")
  const region = regions.find((r) => r.currency_code === currency) ?? regions[0]
  const { products } = await call(base, publishableKey, "GET", `/store/products?region_id=${region.id}&limit=1`)
  const address = {
    first_name: "E2E",
    last_name: "Shopper",
    address_1: "1 Main St",
    city: "Springfield",
    postal_code: "12345",
    country_code: region.countries[0].iso_2,
  }
  const { cart } = await call(base, publishableKey, "POST", "/store/carts", {
    region_id: region.id,
    email,
    items: [{ variant_id: products[0].variants[0].id, quantity: 2 }],
    shipping_address: address,
    billing_address: address,
  })
  const { shipping_options } = await call(base, publishableKey, "GET", `/store/shipping-options?cart_id=${cart.id}`)
  await call(base, publishableKey, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  await call(base, publishableKey, "POST", `/store/carts/${cart.id}/coupons`, { code })
  const { payment_collection } = await call(base, publishableKey, "POST", "/store/payment-collections", { cart_id: cart.id })
  await call(base, publishableKey, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    provider_id: "pp_system_default",
  })
  const completed = await call(base, publishableKey, "POST", `/store/carts/${cart.id}/complete`, {})
  if (completed.type !== "order") {
    throw new Error(`cart did not complete: ${JSON.stringify(completed.error)}`)
  }
  return completed.order
}
