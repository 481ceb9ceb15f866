import type { CouponAction, CouponError } from "./types"

type Thrown = {
  message?: unknown
  status?: unknown
  code?: unknown
  type?: unknown
  body?: { code?: unknown; type?: unknown; message?: unknown }
  response?: { data?: { code?: unknown; message?: unknown } }
}

/** The HTTP status of an error thrown by `sdk.client.fetch` (its `FetchError`), if it had one. */
export const statusOf = (error: unknown): number | undefined => {
  const status = (error as Thrown | null)?.status
  return typeof status === "number" ? status : undefined
}

/**
 * The reason a request failed. `@medusajs/js-sdk` keeps only the message and
 * status of an error body, so the reason is read from the body when a custom
 * client kept it, and is otherwise left for the caller to find out.
 */
export const reasonOf = (error: unknown): string | undefined => {
  const thrown = (error as Thrown | null) ?? {}
  const fromBody = thrown.body?.code ?? thrown.response?.data?.code
  if (typeof fromBody === "string") {
    return fromBody
  }
  // a `code` beside a Medusa error `type`, not a Node error code like ECONNREFUSED
  return typeof thrown.code === "string" && typeof thrown.type === "string" ? thrown.code : undefined
}

export const messageOf = (error: unknown): string => {
  const thrown = (error as Thrown | null) ?? {}
  const message = thrown.body?.message ?? thrown.response?.data?.message ?? thrown.message
  return typeof message === "string" ? message : ""
}

/** No status means the store never answered; 429 is the store's limit on codes that do not apply. */
const reasonOfStatus = (status: number | undefined) => (status === undefined ? "network" : status === 429 ? "rate_limited" : "unknown")

/** Any failure as a coupon error, its reason read from the body or the status. */
export const toCouponError = (error: unknown, action: CouponAction, code?: string): CouponError => ({
  reason: reasonOf(error) ?? reasonOfStatus(statusOf(error)),
  message: messageOf(error),
  action,
  ...(code ? { code } : {}),
})
