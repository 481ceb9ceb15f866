import { useEffect, useRef, useState } from "react"
import { requireCoupons, useCouponsContext } from "./context"
import { normalizeCode } from "./normalize"
import type { CouponCart, CouponError } from "./types"
import { readUrlParam, removeUrlParam } from "./url-param"
import type { UseCouponsResult } from "./use-coupons"
import { useLatest } from "./use-latest"

export type UseCouponFromUrlOptions = {
  /** The state to apply through; the provider's by default. */
  coupons?: UseCouponsResult
  /** The query parameter (default "coupon"). */
  param?: string
  onApplied?: (cart: CouponCart, code: string) => void
  onError?: (error: CouponError) => void
}

export type CouponFromUrlStatus = "idle" | "waiting" | "applying" | "applied" | "failed"

export type CouponFromUrl = { code: string | null; status: CouponFromUrlStatus; error: CouponError | null }

/**
 * Applies a code from a link (`/checkout?coupon=SUMMER10`) once the cart is
 * there, then takes the parameter out of the address so a reload does not
 * apply it again. Once per page load, whatever the outcome.
 */
export const useCouponFromUrl = (options: UseCouponFromUrlOptions = {}): CouponFromUrl => {
  const fromContext = useCouponsContext()
  const coupons = requireCoupons("useCouponFromUrl", options.coupons ?? fromContext)
  const param = options.param ?? "coupon"
  const [state, setState] = useState<CouponFromUrl>({ code: null, status: "idle", error: null })
  const started = useRef(false)
  const latest = useLatest({ coupons, options })

  useEffect(() => {
    const found = normalizeCode(readUrlParam(param) ?? "")
    if (found) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the address is read after mount, so a server render and its hydration agree
      setState({ code: found, status: "waiting", error: null })
    }
  }, [param])

  const ready = !!coupons.cartId && coupons.cart?.id === coupons.cartId
  useEffect(() => {
    const code = state.code
    if (!code || !ready || started.current) {
      return
    }
    started.current = true
    const run = async () => {
      const { coupons: current, options: callbacks } = latest.current
      if (current.codes.includes(code)) {
        removeUrlParam(param)
        setState({ code, status: "applied", error: null })
        return
      }
      setState({ code, status: "applying", error: null })
      const outcome = await current.apply(code)
      removeUrlParam(param)
      if (outcome.ok) {
        setState({ code, status: "applied", error: null })
        callbacks.onApplied?.(outcome.cart, code)
      } else {
        setState({ code, status: "failed", error: outcome.error })
        callbacks.onError?.(outcome.error)
      }
    }
    void run()
  }, [state.code, ready, param, latest])

  return state
}
