"use server"

// The official starter's cart actions (src/lib/data/cart.ts): the server-side
// SDK with the shopper's headers, the cart id in a cookie, the cart fetch
// cached under the shopper's "carts" tag and every change revalidating it.
// `applyPromotions` is the starter's own, line for line.
import { sdk } from "@lib/config"
import medusaError from "@lib/util/medusa-error"
import { HttpTypes } from "@medusajs/types"
import { revalidateTag } from "next/cache"
import { redirect } from "next/navigation"
import { getAuthHeaders, getCacheOptions, getCacheTag, getCartId, removeCartId, setCartId } from "./cookies"
import { getRegion } from "./regions"

const COUNTRY = process.env.NEXT_PUBLIC_DEFAULT_REGION || "us"

const revalidateCart = async () => {
  revalidateTag(await getCacheTag("carts"))
  revalidateTag(await getCacheTag("fulfillment"))
}

export async function retrieveCart(cartId?: string, fields?: string) {
  const id = cartId || (await getCartId())
  fields ??=
    "*items, *region, *items.product, *items.variant, *items.thumbnail, *items.metadata, +items.total, *promotions, +shipping_methods.name"
  if (!id) {
    return null
  }
  return await sdk.client
    .fetch<HttpTypes.StoreCartResponse>(`/store/carts/${id}`, {
      method: "GET",
      query: { fields },
      headers: { ...(await getAuthHeaders()) },
      next: { ...(await getCacheOptions("carts")) },
      cache: "force-cache",
    })
    .then(({ cart }) => cart)
    .catch(() => null)
}

export async function getOrSetCart(countryCode: string) {
  const region = await getRegion(countryCode)
  if (!region) {
    throw new Error(`Region not found for country code: ${countryCode}`)
  }
  const headers = { ...(await getAuthHeaders()) }
  let cart = await retrieveCart(undefined, "id,region_id")
  if (!cart) {
    cart = (await sdk.store.cart.create({ region_id: region.id }, {}, headers)).cart
    await setCartId(cart.id)
    revalidateTag(await getCacheTag("carts"))
  }
  return cart
}

export async function updateCart(data: HttpTypes.StoreUpdateCart) {
  const cartId = await getCartId()
  if (!cartId) {
    throw new Error("No existing cart found, please create one before updating")
  }
  return sdk.store.cart
    .update(cartId, data, {}, { ...(await getAuthHeaders()) })
    .then(async ({ cart }) => {
      await revalidateCart()
      return cart
    })
    .catch(medusaError)
}

/** The product page's form: one of the variant into the shopper's cart, then one of the two cart pages. */
export async function addToCart(formData: FormData) {
  const variantId = String(formData.get("variant_id") ?? "")
  if (!variantId) {
    throw new Error("Missing variant ID when adding to cart")
  }
  const cart = await getOrSetCart(COUNTRY)
  await sdk.store.cart
    .createLineItem(cart.id, { variant_id: variantId, quantity: 1 }, {}, { ...(await getAuthHeaders()) })
    .then(revalidateCart)
    .catch(medusaError)
  redirect(formData.get("next") === "/components-cart" ? "/components-cart" : "/cart")
}

export async function applyPromotions(codes: string[]) {
  const cartId = await getCartId()

  if (!cartId) {
    throw new Error("No existing cart found")
  }

  const headers = {
    ...(await getAuthHeaders()),
  }

  return sdk.store.cart
    .update(cartId, { promo_codes: codes }, {}, headers)
    .then(async () => {
      const cartCacheTag = await getCacheTag("carts")
      revalidateTag(cartCacheTag)

      const fulfillmentCacheTag = await getCacheTag("fulfillment")
      revalidateTag(fulfillmentCacheTag)
    })
    .catch(medusaError)
}

/**
 * `applyPromotions` for the promotion field, answering with the error's
 * message instead of throwing it (as the starter's own `submitPromotionForm`
 * does): a production build replaces the message of an error thrown out of a
 * server action with Next's generic "An error occurred in the Server
 * Components render", so the starter's field never shows a reason there.
 */
export async function submitPromotionCodes(codes: string[]): Promise<string | null> {
  try {
    await applyPromotions(codes)
    return null
  } catch (error) {
    return (error as Error).message
  }
}

type CheckoutState = { error: string; email: string } | null

const appliedCodes = async (cartId: string, headers: Record<string, string>) =>
  (await sdk.store.cart.retrieve(cartId, { fields: "*promotions" }, headers).catch(medusaError)).cart.promotions
    ?.filter((promotion) => !promotion.is_automatic && promotion.code)
    .map((promotion) => promotion.code!) ?? []

/**
 * The starter's checkout steps in one form: email and addresses, the first
 * shipping option, a payment session with the system provider, then
 * `placeOrder` (complete the cart, forget its id, show the order). The
 * starter shows the new totals after each step; this form stops instead when
 * a step took a code off the cart (the plugin re-checks every code when the
 * cart changes: a per-customer limit is met once the email is known), so
 * nobody pays a total they did not see.
 */
export async function checkout(_state: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const field = (name: string) => String(formData.get(name) ?? "")
  // React resets the form after its action: the answer carries the email back
  const refuse = (error: string) => ({ error, email: field("email") })
  const cartId = await getCartId()
  if (!cartId) {
    return refuse("No existing cart found when placing an order")
  }
  const headers = { ...(await getAuthHeaders()) }
  try {
    const codesBefore = await appliedCodes(cartId, headers)
    const address = {
      first_name: field("first_name"),
      last_name: field("last_name"),
      address_1: field("address_1"),
      city: field("city"),
      postal_code: field("postal_code"),
      country_code: field("country_code"),
    }
    const cart = await updateCart({ email: field("email"), shipping_address: address, billing_address: address })
    const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cartId }, headers)
    if (!shipping_options.length) {
      return refuse("No shipping option for this address")
    }
    await sdk.store.cart.addShippingMethod(cartId, { option_id: shipping_options[0].id }, {}, headers).catch(medusaError)
    await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" }, {}, headers).catch(medusaError)
    const codesAfter = await appliedCodes(cartId, headers)
    const dropped = codesBefore.filter((code) => !codesAfter.includes(code))
    if (dropped.length) {
      await revalidateCart()
      return refuse(`Code ${dropped.join(", ")} no longer applies to this order. Check the new total and place the order again.`)
    }
  } catch (error) {
    return refuse((error as Error).message)
  }
  const result = await sdk.store.cart.complete(cartId, {}, headers).catch(medusaError)
  revalidateTag(await getCacheTag("carts"))
  if (result.type !== "order") {
    return refuse(result.error?.message ?? "The cart could not be completed")
  }
  revalidateTag(await getCacheTag("orders"))
  await removeCartId()
  redirect(`/order/${result.order.id}`)
}

export async function retrieveOrder(id: string) {
  return sdk.client
    .fetch<HttpTypes.StoreOrderResponse>(`/store/orders/${id}`, {
      method: "GET",
      query: { fields: "*items,*items.adjustments,+discount_total,+item_subtotal,+shipping_total,+tax_total,+total" },
      headers: { ...(await getAuthHeaders()) },
      next: { ...(await getCacheOptions("orders")) },
      cache: "force-cache",
    })
    .then(({ order }) => order)
    .catch(() => null)
}
