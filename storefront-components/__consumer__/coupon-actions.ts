"use server"
// The storefront's own "use server" file, as in the README recipe, with the
// starter's helpers (server-side SDK, `{ authorization } | {}` headers, the
// cart cookie, the cart cache tag). Type-checked by check-storefront-package.
import Medusa from "@medusajs/js-sdk"
import { createCouponActions } from "medusa-plugin-coupons-storefront/next"

const sdk = new Medusa({ baseUrl: "http://localhost:9000", publishableKey: "pk_test" })
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the official starter's exact signature
const getAuthHeaders = async (): Promise<{ authorization: string } | {}> => ({ authorization: "Bearer jwt" })
const getCartId = async (): Promise<string | undefined> => "cart_1"
const getCacheTag = async (tag: string): Promise<string> => `${tag}-cache`
const revalidateTag = (tag: string): void => void tag

const coupons = createCouponActions({
  sdk,
  headers: getAuthHeaders,
  cartId: getCartId,
  revalidate: async () => revalidateTag(await getCacheTag("carts")),
})
export const applyCoupon = async (code: string) => coupons.applyCoupon(code)
export const removeCoupon = async (code: string) => coupons.removeCoupon(code)
export const validateCoupon = async (code: string) => coupons.validateCoupon(code)
