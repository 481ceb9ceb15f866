// A React Server Component (no "use client"): only ./core, which holds no hooks.
import type { HttpTypes } from "@medusajs/types"
import { appliedCodesOf, formatMoney, normalizeCode, type CouponCart } from "medusa-plugin-coupons-storefront/core"

export const AppliedSummary = ({ cart }: { cart: HttpTypes.StoreCart }) => {
  const codes = appliedCodesOf(cart) ?? []
  const shown: CouponCart = cart
  return (
    <p>
      {codes.map((entry) => normalizeCode(entry.code)).join(", ")} {formatMoney(shown.discount_total ?? 0, cart.currency_code)}
    </p>
  )
}
