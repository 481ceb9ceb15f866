import { applyCoupon, removePromotionCode, validateCoupon, type RequestHeaders } from "../api"
import { explainApplyFailure } from "../apply-failure"
import { toCouponError } from "../errors"
import { normalizeCode } from "../normalize"
import type { CouponActionResult, CouponAction, CouponValidation, CouponsSdk } from "../types"

type MaybePromise<T> = T | Promise<T>

export type CreateCouponActionsOptions = {
  /** The storefront's own server-side SDK (`new Medusa({ baseUrl, publishableKey })`). */
  sdk: CouponsSdk
  /** The shopper's auth for this request, e.g. the starter's `getAuthHeaders` (`{ authorization: "Bearer …" }` or `{}`). */
  headers?: () => MaybePromise<RequestHeaders | object | null | undefined>
  /** This shopper's cart id, e.g. the starter's `getCartId` (its cart cookie). */
  cartId: () => MaybePromise<string | null | undefined>
  /** Called after a code was applied or removed: revalidate the storefront's cart cache tag. */
  revalidate?: () => MaybePromise<void>
}

export type CouponServerActions = {
  applyCoupon: (code: string) => Promise<CouponActionResult>
  removeCoupon: (code: string) => Promise<CouponActionResult>
  validateCoupon: (code: string) => Promise<CouponValidation>
}

const failure = (code: string, message = ""): CouponActionResult => ({ ok: false, error: { code, message } })

/** Only string values: a header object may hold anything a storefront put there. */
const headersOf = (value: unknown): RequestHeaders =>
  Object.fromEntries(
    Object.entries(value && typeof value === "object" ? value : {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string"
    )
  )

/** JSON in, JSON out: a server action's answer must be plain data (no class instances, no Dates). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value))

/**
 * Server actions for Next.js App Router (or any server): each runs with the
 * storefront's own SDK and the shopper's auth headers, on the cart its cookie
 * names, and revalidates the storefront's cart cache after a change. They
 * never throw: refusals come back as `{ ok: false, error: { code, message } }`
 * with the reason as `code`. Export them from a "use server" file as async
 * functions (such a file may export nothing else).
 */
export const createCouponActions = (options: CreateCouponActionsOptions): CouponServerActions => {
  const context = async () => ({
    cartId: (await options.cartId()) || null,
    headers: headersOf(options.headers ? await options.headers() : undefined),
  })

  const change = async (
    action: Extract<CouponAction, "apply" | "remove">,
    input: string,
    run: (cartId: string, code: string, headers: RequestHeaders) => Promise<CouponActionResult>
  ): Promise<CouponActionResult> => {
    const code = normalizeCode(typeof input === "string" ? input : "")
    if (!code) {
      return failure("empty")
    }
    try {
      const { cartId, headers } = await context()
      if (!cartId) {
        return failure("no_cart")
      }
      const result = await run(cartId, code, headers)
      if (result.ok) {
        await options.revalidate?.()
      }
      return plain(result)
    } catch (thrown) {
      const error = toCouponError(thrown, action, code)
      return failure(error.reason, error.message)
    }
  }

  return {
    applyCoupon: (input) =>
      change("apply", input, async (cartId, code, headers) => {
        try {
          return { ok: true, cart: await applyCoupon(options.sdk, cartId, code, headers) }
        } catch (thrown) {
          const error = await explainApplyFailure(options.sdk, thrown, code, cartId, headers)
          return failure(error.reason, error.message)
        }
      }),
    removeCoupon: (input) =>
      change("remove", input, async (cartId, code, headers) => ({
        ok: true,
        cart: await removePromotionCode(options.sdk, cartId, code, headers),
      })),
    validateCoupon: async (input) => {
      const code = normalizeCode(typeof input === "string" ? input : "")
      if (!code) {
        return { valid: false, code, reason: "empty", message: "" }
      }
      try {
        const { cartId, headers } = await context()
        return plain(await validateCoupon(options.sdk, code, cartId, headers))
      } catch (thrown) {
        const error = toCouponError(thrown, "validate", code)
        return { valid: false, code, reason: error.reason, message: error.message }
      }
    },
  }
}
