import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
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
      const reservation = await limiter.reserve({
        ip: clientAddressKey(req.ip ?? req.socket?.remoteAddress),
        cart: cartIdOf(req),
        customer: (req as AuthenticatedMedusaRequest).auth_context?.actor_id,
      })
      if (!reservation.allowed) {
        res.setHeader("Retry-After", String(reservation.retry_after_seconds))
        res.status(429).json({
          type: MedusaError.Types.NOT_ALLOWED,
          code: RATE_LIMITED_CODE,
          message: `Too many codes that do not apply. Try again in ${reservation.retry_after_seconds} seconds.`,
        })
        return
      }
      // the point stays taken only when the answer is a failed attempt
      const send = res.json.bind(res)
      res.json = (body: unknown) => {
        if (isFailedCouponAttempt(res.statusCode, body)) {
          return send(body)
        }
        void reservation.release().finally(() => send(body))
        return res
      }
      next()
    } catch (error) {
      next(error)
    }
  }
