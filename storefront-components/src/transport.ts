import { applyCoupon, removeCoupon, retrieveCart, validateCoupon } from "./api"
import { explainApplyFailure } from "./apply-failure"
import { toCouponError } from "./errors"
import type { CouponActionResult, CouponActions, CouponCart, CouponValidation, CouponsSdk } from "./types"

/** How the hook reaches the store: a browser SDK, or the storefront's server actions. */
export type Transport = {
  /** Only a browser SDK can load a cart; with actions the page's cart is all there is. */
  load?: (cartId: string) => Promise<CouponCart>
  apply: (cartId: string, code: string) => Promise<CouponActionResult>
  remove: (cartId: string, code: string) => Promise<CouponActionResult>
  validate: (cartId: string | null, code: string) => Promise<CouponValidation>
}

const failed = (code: string, message: string): CouponActionResult => ({ ok: false, error: { code, message } })

export const sdkTransport = (sdk: CouponsSdk): Transport => ({
  load: (cartId) => retrieveCart(sdk, cartId),
  apply: (cartId, code) =>
    applyCoupon(sdk, cartId, code).then(
      (cart) => ({ ok: true, cart }),
      async (thrown) => {
        const error = await explainApplyFailure(sdk, thrown, code, cartId)
        return failed(error.reason, error.message)
      }
    ),
  remove: (cartId, code) =>
    removeCoupon(sdk, cartId, code).then(
      (cart) => ({ ok: true, cart }),
      (thrown) => {
        const error = toCouponError(thrown, "remove", code)
        return failed(error.reason, error.message)
      }
    ),
  validate: (cartId, code) => validateCoupon(sdk, code, cartId),
})

/** A server action that throws (or never answers) is a failure like any other, never a rejection. */
const settle = async <T>(run: () => Promise<T>, onError: (thrown: unknown) => T): Promise<T> => {
  try {
    return await run()
  } catch (thrown) {
    return onError(thrown)
  }
}

const unreachable = (thrown: unknown) => failed("network", thrown instanceof Error ? thrown.message : "")

export const actionsTransport = (actions: CouponActions): Transport => ({
  apply: (_cartId, code) => settle(() => actions.applyCoupon(code), unreachable),
  remove: (_cartId, code) => settle(() => actions.removeCoupon(code), unreachable),
  validate: async (_cartId, code) =>
    actions.validateCoupon
      ? settle(
          () => actions.validateCoupon!(code),
          (thrown) => ({ valid: false, code, reason: "network", message: thrown instanceof Error ? thrown.message : "" })
        )
      : { valid: false, code, reason: "unknown", message: "" },
})
