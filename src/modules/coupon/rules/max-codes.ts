import type { CouponRule } from "./types"

/** The store's most codes on one cart (option max_codes_per_cart), Medusa's own typed codes counted too. */
export const maxCodesRule: CouponRule = {
  name: "max-codes",
  reason: "max_codes_reached",
  // the codes on a cart come with any cart; without one there is nothing to count (nothing pending either)
  reads: () => [],
  check: ({ cart, code, max_codes_per_cart }) => {
    if (!cart || !max_codes_per_cart) {
      return true
    }
    const others = new Set([...cart.applied.map((applied) => applied.code), ...(cart.native_codes ?? [])])
    others.delete(code.code)
    return others.size + 1 <= max_codes_per_cart
  },
  message: ({ max_codes_per_cart }) =>
    max_codes_per_cart === 1
      ? "Only one code can be used per order. Remove the other code to use this one."
      : `At most ${max_codes_per_cart} codes can be used per order. Remove one to use this code.`,
}
