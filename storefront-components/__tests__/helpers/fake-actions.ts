import type { CouponActionResult, CouponActions, CouponCart, CouponValidation } from "../../src/types"

type Answer = CouponActionResult | Error

/**
 * Stands in for the storefront's server actions at their boundary (what
 * `createCouponActions` returns through a "use server" file): each call takes
 * the next scripted answer; an Error is thrown, as a failed server action
 * call rejects in the browser.
 */
export const createFakeActions = () => {
  const applies: Answer[] = []
  const removals: Answer[] = []
  const validations: CouponValidation[] = []
  const take = async <T>(queue: (T | Error)[], name: string, code: string): Promise<T> => {
    const answer = queue.shift()
    if (answer === undefined) {
      throw new Error(`unscripted ${name}(${code})`)
    }
    if (answer instanceof Error) {
      throw answer
    }
    return JSON.parse(JSON.stringify(answer))
  }
  const actions = {
    applyCoupon: jest.fn((code: string) => take(applies, "applyCoupon", code)),
    removeCoupon: jest.fn((code: string) => take(removals, "removeCoupon", code)),
    validateCoupon: jest.fn((code: string) => take(validations, "validateCoupon", code)),
  } satisfies CouponActions
  return {
    actions,
    applied: (cart: CouponCart) => applies.push({ ok: true, cart }),
    refused: (code: string, message: string) => applies.push({ ok: false, error: { code, message } }),
    applyThrows: (error: Error) => applies.push(error),
    removed: (cart: CouponCart) => removals.push({ ok: true, cart }),
    removeRefused: (code: string, message: string) => removals.push({ ok: false, error: { code, message } }),
    validated: (result: CouponValidation) => validations.push(result),
  }
}
