import type { CouponRule } from "./types"

export const CODE_RESERVED_MESSAGE = "This code is in use in another checkout."

export const codeReservedRule: CouponRule = {
  name: "code-reserved",
  reason: "code_reserved",
  // the reservation is looked up by the loader; the cart's id comes with every cart
  reads: () => [],
  check: ({ reserved_by, cart }) => !reserved_by || reserved_by === cart?.id,
  message: () => CODE_RESERVED_MESSAGE,
}
