// A store set up and shopped from the outside, through Medusa's admin and store
// APIs only, as a merchant and a storefront would on a deployed host app: no
// container, no SQL. Used by the package test's production stage.

const json = async (base, method, path, { token, key, body } = {}) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { "x-publishable-api-key": key } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  const data = await response.json().catch(() => ({}))
  if (!response.ok) {
    throw new Error(`${method} ${path} → ${response.status} ${data.message ?? JSON.stringify(data).slice(0, 200)}`)
  }
  return data
}

/** An admin's bearer token from the emailpass provider. */
export const adminLogin = async (base, email, password) =>
  (await json(base, "POST", "/auth/user/emailpass", { body: { email, password } })).token

/**
 * A USD region (system payment provider), a warehouse shipping to the US at a
 * flat 10, a product at 100 without inventory, a publishable key on the
 * default sales channel, and a 10 % coupon with one shared code.
 */
export const setUpStore = async (base, token, { code }) => {
  const admin = (method, path, body) => json(base, method, path, { token, body })
  const { sales_channels } = await admin("GET", "/admin/sales-channels?limit=1")
  const salesChannelId = sales_channels[0].id
  const { region } = await admin("POST", "/admin/regions", {
    name: "United States",
    currency_code: "usd",
    countries: ["us"],
    payment_providers: ["pp_system_default"],
  })
  const { stock_location } = await admin("POST", "/admin/stock-locations", { name: "Warehouse" })
  await admin("POST", `/admin/stock-locations/${stock_location.id}/sales-channels`, { add: [salesChannelId] })
  await admin("POST", `/admin/stock-locations/${stock_location.id}/fulfillment-providers`, { add: ["manual_manual"] })
  await admin("POST", `/admin/stock-locations/${stock_location.id}/fulfillment-sets`, { name: "Warehouse shipping", type: "shipping" })
  const { stock_location: located } = await admin(
    "GET",
    `/admin/stock-locations/${stock_location.id}?fields=id,fulfillment_sets.id,fulfillment_sets.service_zones.id`
  )
  const fulfillmentSetId = located.fulfillment_sets[0].id
  await admin("POST", `/admin/fulfillment-sets/${fulfillmentSetId}/service-zones`, {
    name: "US",
    geo_zones: [{ type: "country", country_code: "us" }],
  })
  const { stock_location: zoned } = await admin(
    "GET",
    `/admin/stock-locations/${stock_location.id}?fields=id,fulfillment_sets.id,fulfillment_sets.service_zones.id`
  )
  const serviceZoneId = zoned.fulfillment_sets[0].service_zones[0].id
  const { shipping_profiles } = await admin("GET", "/admin/shipping-profiles?limit=1")
  await admin("POST", "/admin/shipping-options", {
    name: "Standard",
    service_zone_id: serviceZoneId,
    shipping_profile_id: shipping_profiles[0].id,
    provider_id: "manual_manual",
    price_type: "flat",
    type: { label: "Standard", description: "Ships in 3 days", code: "standard" },
    prices: [{ currency_code: "usd", amount: 10 }],
    rules: [
      { attribute: "enabled_in_store", operator: "eq", value: "true" },
      { attribute: "is_return", operator: "eq", value: "false" },
    ],
  })
  await admin("POST", "/admin/products", {
    title: "Jacket",
    status: "published",
    shipping_profile_id: shipping_profiles[0].id,
    sales_channels: [{ id: salesChannelId }],
    options: [{ title: "Size", values: ["M"] }],
    variants: [{ title: "M", options: { Size: "M" }, manage_inventory: false, prices: [{ currency_code: "usd", amount: 100 }] }],
  })
  const { api_key } = await admin("POST", "/admin/api-keys", { title: "Storefront", type: "publishable" })
  await admin("POST", `/admin/api-keys/${api_key.id}/sales-channels`, { add: [salesChannelId] })
  const { coupon } = await admin("POST", "/admin/coupons", {
    name: "Production ten",
    status: "active",
    discount_type: "percentage",
    discount_value: 10,
    code,
  })
  return { regionId: region.id, publishableKey: api_key.token, couponId: coupon.id }
}

/** A guest's checkout with the code, through the store API; the order as placed. */
export const checkOutWithCode = async (base, { publishableKey, regionId }, code) => {
  const store = (method, path, body) => json(base, method, path, { key: publishableKey, body })
  const { products } = await store("GET", `/store/products?region_id=${regionId}&limit=1`)
  const address = {
    first_name: "Pat",
    last_name: "Buyer",
    address_1: "1 Main St",
    city: "Springfield",
    postal_code: "12345",
    country_code: "us",
  }
  const { cart } = await store("POST", "/store/carts", {
    region_id: regionId,
    email: "production-buyer@example.com",
    items: [{ variant_id: products[0].variants[0].id, quantity: 2 }],
    shipping_address: address,
    billing_address: address,
  })
  const { shipping_options } = await store("GET", `/store/shipping-options?cart_id=${cart.id}`)
  await store("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  await store("POST", `/store/carts/${cart.id}/coupons`, { code })
  const { payment_collection } = await store("POST", "/store/payment-collections", { cart_id: cart.id })
  await store("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const completed = await store("POST", `/store/carts/${cart.id}/complete`, {})
  if (completed.type !== "order") {
    throw new Error(`the cart did not complete: ${JSON.stringify(completed.error)}`)
  }
  return completed.order
}
