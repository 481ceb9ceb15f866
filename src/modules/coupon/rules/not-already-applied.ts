import type { CouponRule } from "./types"

export const notAlreadyAppliedRule: CouponRule = {
  name: "not-already-applied",
  reason: "already_applied",
  reads: () => ["cart"],
  check: ({ cart, code, phase }) =>
    phase === "complete" || phase === "recheck" || !cart || !cart.applied.some((applied) => applied.code === code.code),
  message: () => "This code is already applied to your cart.",
}
