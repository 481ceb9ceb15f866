import { validateCoupon, type RequestHeaders } from "./api"
import { reasonOf, statusOf, toCouponError } from "./errors"
import type { CouponError, CouponsSdk } from "./types"

/**
 * Why an apply was refused. The store answers 400 with the reason as `code`,
 * but `@medusajs/js-sdk` only keeps the message: ask the validate route, which
 * returns the reason in its body, for the same code and cart.
 */
export const explainApplyFailure = async (
  sdk: CouponsSdk,
  thrown: unknown,
  code: string,
  cartId: string,
  headers?: RequestHeaders
): Promise<CouponError> => {
  const error = toCouponError(thrown, "apply", code)
  if (reasonOf(thrown) || statusOf(thrown) !== 400) {
    return error
  }
  try {
    const check = await validateCoupon(sdk, code, cartId, headers)
    if (!check.valid) {
      // the same rule, so the same message and details (domains, missing amount)
      return { ...error, reason: check.reason, message: check.message || error.message }
    }
  } catch {
    // the validate route failing too tells nothing more
  }
  return error
}
