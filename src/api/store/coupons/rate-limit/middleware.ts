import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createHash } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { normalizeCode } from "../../../../modules/coupon/codes/normalize"
import { clientAddressKey } from "./client-ip"
import { couponAttemptLimiterOf } from "./limiter-for-app"

export const RATE_LIMITED_CODE = "rate_limited"

/**
 * A code that did not apply: the validate route's `valid: false` answer, or a
 * coupon error (400 `not_allowed` with a reason code) from the apply route.
 * Malformed bodies, unknown carts and server errors say nothing about codes.
 */
export const isFailedCouponAttempt = (status: number, body: unknown): boolean => {
  const answer = body as { valid?: unknown; type?: unknown; code?: unknown } | null
  if (!answer || typeof answer !== "object") {
    return false
  }
  if (status === 200) {
    return answer.valid === false
  }
  return (
    status >= 400 &&
    status < 500 &&
    answer.type === MedusaError.Types.NOT_ALLOWED &&
    typeof answer.code === "string" &&
    answer.code !== RATE_LIMITED_CODE
  )
}

export const rateLimited = (
  res: MedusaResponse,
  retryAfterSeconds: number,
  send: (body: unknown) => unknown = (body) => res.json(body)
) => {
  res.setHeader("Retry-After", String(retryAfterSeconds))
  res.status(429)
  return send({
    type: MedusaError.Types.NOT_ALLOWED,
    code: RATE_LIMITED_CODE,
    message: `Too many codes that do not apply. Try again in ${retryAfterSeconds} seconds.`,
  })
}

/** The code tried, with the cart it was tried on (or the address without one), hashed: the limiter never stores code text. */
export const refusalKeyOf = (cart: string | null | undefined, ip: string | null, code: unknown) =>
  typeof code === "string" && code && (cart || ip)
    ? `${cart ? `cart:${cart}` : `ip:${ip}`}:${createHash("sha256").update(normalizeCode(code)).digest("base64url").slice(0, 22)}`
    : null

/**
 * Refuses a shopper who made too many failed code attempts (per IP, cart and
 * logged-in customer) with 429 and Retry-After, before any code is looked up.
 * Runs after body validation and authentication; `cartIdOf` reads the cart of
 * the request.
 */
export const limitFailedCouponAttempts =
  (cartIdOf: (req: MedusaRequest) => string | undefined | null) =>
  async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      const limiter = await couponAttemptLimiterOf(req.scope).catch(() => null)
      if (!limiter) {
        return next()
      }
      const ip = clientAddressKey(req.ip ?? req.socket?.remoteAddress)
      const cart = cartIdOf(req)
      const reservation = await limiter.reserve(
        { ip, cart, customer: (req as AuthenticatedMedusaRequest).auth_context?.actor_id },
        { refusal: refusalKeyOf(cart, ip, (req.validatedBody as { code?: unknown } | undefined)?.code) }
      )
      if (!reservation.allowed) {
        rateLimited(res, reservation.retry_after_seconds)
        return
      }
      // the points stay taken only when the answer is a failed attempt; the one over the limit is answered 429
      const send = res.json.bind(res)
      res.json = (body: unknown) => {
        const settled = isFailedCouponAttempt(res.statusCode, body)
          ? reservation.failed().then((verdict) => (verdict.over_limit ? rateLimited(res, verdict.retry_after_seconds, send) : send(body)))
          : reservation.release().finally(() => send(body))
        void settled.catch(() => {
          if (!res.headersSent) {
            send(body)
          }
        })
        return res
      }
      next()
    } catch (error) {
      next(error)
    }
  }
