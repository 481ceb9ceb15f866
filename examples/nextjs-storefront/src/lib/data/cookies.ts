// The official starter's cookies (src/lib/data/cookies.ts): the shopper's
// token, the cart id and the per-shopper cache id that names the cache tags.
import "server-only"
import { cookies as nextCookies } from "next/headers"

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the official starter's exact signature
export const getAuthHeaders = async (): Promise<{ authorization: string } | {}> => {
  const token = (await nextCookies()).get("_medusa_jwt")?.value
  return token ? { authorization: `Bearer ${token}` } : {}
}

export const getCacheTag = async (tag: string): Promise<string> => {
  const cacheId = (await nextCookies()).get("_medusa_cache_id")?.value
  return cacheId ? `${tag}-${cacheId}` : ""
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the official starter's exact signature
export const getCacheOptions = async (tag: string): Promise<{ tags: string[] } | {}> => {
  const cacheTag = await getCacheTag(tag)
  return cacheTag ? { tags: [cacheTag] } : {}
}

export const getCartId = async () => (await nextCookies()).get("_medusa_cart_id")?.value

export const setCartId = async (cartId: string) => {
  ;(await nextCookies()).set("_medusa_cart_id", cartId, {
    maxAge: 60 * 60 * 24 * 7,
    httpOnly: true,
    sameSite: "strict",
    secure: process.env.NODE_ENV === "production",
  })
}

export const removeCartId = async () => {
  ;(await nextCookies()).set("_medusa_cart_id", "", { maxAge: -1 })
}
