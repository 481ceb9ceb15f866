import { useCallback, useEffect, useMemo, useRef, useState } from "react"
import { appliedCodesOf } from "./applied-codes"
import { addedPromotions, discountForCode, resolvePromotions, type PromotionsByCode } from "./discounts"
import { toCouponError } from "./errors"
import { isOlderCart, mergeCart } from "./merge-cart"
import { normalizeCode } from "./normalize"
import { recallPromotions, rememberPromotions } from "./promotion-memory"
import type {
  AppliedCoupon,
  CouponAction,
  CouponActionResult,
  CouponActions,
  CouponCart,
  CouponError,
  CouponOutcome,
  CouponValidation,
  CouponsSdk,
} from "./types"
import { actionsTransport, sdkTransport, type Transport } from "./transport"
import { useLatest } from "./use-latest"

export type UseCouponsOptions = {
  /**
   * Server actions (`createCouponActions` of `medusa-plugin-coupons-storefront/next`):
   * the requests run server-side with the shopper's auth. Takes precedence over `sdk`.
   */
  actions?: CouponActions
  /** A browser `@medusajs/js-sdk` instance (the shopper's auth must then be readable in the browser). */
  sdk?: CouponsSdk
  /** The cart's id; `cart.id` by default. */
  cartId?: string | null
  /**
   * The cart the page already holds. Its applied codes are read from it
   * (`coupon_codes`, else `promotions`): no request. Only a browser SDK given
   * no such cart loads one.
   */
  cart?: CouponCart | null
  /** Called with the updated cart after every apply and remove. */
  onCartChange?: (cart: CouponCart) => void
}

export type CouponPending = { action: CouponAction; code?: string }

export type UseCouponsResult = {
  cartId: string | null
  cart: CouponCart | null
  /** The applied codes, as the cart lists them. */
  codes: string[]
  applied: AppliedCoupon[]
  isLoading: boolean
  /** An apply, remove or validate is running. */
  isPending: boolean
  pending: CouponPending | null
  error: CouponError | null
  lastApplied: AppliedCoupon | null
  lastRemoved: string | null
  /** Never rejects: failures come back as `{ ok: false, error }` and in `error`. */
  apply: (code: string) => Promise<CouponOutcome>
  remove: (code: string) => Promise<CouponOutcome>
  validate: (code: string) => Promise<CouponValidation>
  refresh: () => Promise<CouponCart | null>
  clearError: () => void
}

const shallowEqual = (a: object | null | undefined, b: object | null | undefined) =>
  a === b ||
  (!!a &&
    !!b &&
    Object.keys(a).length === Object.keys(b).length &&
    Object.entries(a).every(([key, value]) => (b as Record<string, unknown>)[key] === value))

const codesOf = (cart: CouponCart | null) => (appliedCodesOf(cart) ?? []).map((entry) => entry.code)

const errorOf = (result: Extract<CouponActionResult, { ok: false }>, action: CouponAction, code: string): CouponError => ({
  reason: result.error.code,
  message: result.error.message ?? "",
  action,
  code,
})

export const useCoupons = ({ sdk, actions, cartId: givenId, cart: givenCart, onCartChange }: UseCouponsOptions): UseCouponsResult => {
  const cartId = givenId ?? givenCart?.id ?? null
  const [cart, setCart] = useState<CouponCart | null>(givenCart && givenCart.id === cartId ? givenCart : null)
  const [learned, setLearned] = useState<PromotionsByCode>({})
  const [pendingList, setPendingList] = useState<CouponPending[]>([])
  const [loads, setLoads] = useState(0)
  const [error, setError] = useState<CouponError | null>(null)
  const [lastApplied, setLastApplied] = useState<string | null>(null)
  const [lastRemoved, setLastRemoved] = useState<string | null>(null)
  const transportRef = useLatest<Transport | null>(
    useMemo(() => (actions ? actionsTransport(actions) : sdk ? sdkTransport(sdk) : null), [actions, sdk])
  )
  const onCartChangeRef = useLatest(onCartChange)
  const cartIdRef = useLatest(cartId)
  const cartRef = useRef(cart)
  const learnedRef = useRef(learned)
  // bumped by every change: a cart load that started before it is stale
  const versionRef = useRef(0)
  // the cart a load is under way for (StrictMode runs effects twice: one load is enough)
  const loadingFor = useRef<string | null>(null)

  const show = useCallback((next: CouponCart | null) => {
    cartRef.current = next
    setCart(next)
  }, [])

  const commit = useCallback(
    (next: CouponCart) => {
      const merged = mergeCart(cartRef.current, next)
      show(merged)
      onCartChangeRef.current?.(merged)
      return merged
    },
    [show, onCartChangeRef]
  )

  const learn = useCallback((id: string, promotions: PromotionsByCode) => {
    learnedRef.current = promotions
    setLearned(promotions)
    rememberPromotions(id, promotions)
  }, [])

  const track = useCallback(async <T>(pending: CouponPending, run: () => Promise<T>): Promise<T> => {
    setPendingList((list) => [...list, pending])
    try {
      return await run()
    } finally {
      setPendingList((list) => list.filter((entry) => entry !== pending))
    }
  }, [])

  const load = useCallback(async (): Promise<CouponCart | null> => {
    const id = cartIdRef.current
    const transport = transportRef.current
    if (!id || !transport?.load) {
      return cartRef.current
    }
    const version = ++versionRef.current
    loadingFor.current = id
    setLoads((count) => count + 1)
    try {
      const loaded = await transport.load(id)
      if (version !== versionRef.current || id !== cartIdRef.current) {
        return cartRef.current
      }
      show(mergeCart(cartRef.current, loaded))
      return cartRef.current
    } catch (thrown) {
      if (version === versionRef.current) {
        setError(toCouponError(thrown, "load"))
      }
      return null
    } finally {
      if (loadingFor.current === id) {
        loadingFor.current = null
      }
      setLoads((count) => count - 1)
    }
  }, [cartIdRef, transportRef, show])

  // a new cart: forget the last one's state, recall which promotions its codes added
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a reset when the cart id changes, before its cart loads
    setError(null)
    setLastApplied(null)
    setLastRemoved(null)
    const recalled = cartId ? recallPromotions(cartId) : {}
    learnedRef.current = recalled
    setLearned(recalled)
    if (!cartId) {
      show(null)
      return
    }
    // a cart that names its codes needs no request
    if ((cartRef.current?.id !== cartId || !appliedCodesOf(cartRef.current)) && loadingFor.current !== cartId) {
      void load()
    }
  }, [cartId, load, show])

  // the storefront refreshed its cart (quantities, shipping): take its totals, keep the codes
  const lastGiven = useRef(givenCart)
  useEffect(() => {
    const same = shallowEqual(lastGiven.current, givenCart)
    lastGiven.current = givenCart
    if (givenCart && givenCart.id === cartIdRef.current && (!same || !cartRef.current) && !isOlderCart(givenCart, cartRef.current)) {
      show(mergeCart(cartRef.current, givenCart))
    }
  }, [givenCart, cartIdRef, show])

  const fail = useCallback((failure: CouponError): CouponOutcome => {
    setError(failure)
    return { ok: false, error: failure }
  }, [])

  const apply = useCallback(
    async (input: string): Promise<CouponOutcome> => {
      const code = normalizeCode(input)
      const id = cartIdRef.current
      setLastRemoved(null)
      if (!code) {
        return fail({ reason: "empty", message: "", action: "apply" })
      }
      if (!id) {
        return fail({ reason: "no_cart", message: "", action: "apply", code })
      }
      if (codesOf(cartRef.current).includes(code)) {
        return fail({ reason: "already_applied", message: "", action: "apply", code })
      }
      setError(null)
      setLastApplied(null)
      versionRef.current++
      const transport = transportRef.current
      if (!transport) {
        return fail({ reason: "unknown", message: "", action: "apply", code })
      }
      return track({ action: "apply", code }, async () => {
        const before = cartRef.current
        const result = await transport.apply(id, code)
        if (!result.ok) {
          return fail(errorOf(result, "apply", code))
        }
        const next = result.cart
        // with no cart to compare against, the added promotions are only known for a lone code
        if (before || codesOf(next).length === 1) {
          learn(id, { ...learnedRef.current, [code]: addedPromotions(before, next) })
        }
        const merged = commit(next)
        setLastApplied(code)
        return { ok: true as const, cart: merged }
      })
    },
    [cartIdRef, transportRef, commit, fail, learn, track]
  )

  const remove = useCallback(
    async (input: string): Promise<CouponOutcome> => {
      const code = normalizeCode(input)
      const id = cartIdRef.current
      if (!id) {
        return fail({ reason: "no_cart", message: "", action: "remove", code })
      }
      setError(null)
      setLastRemoved(null)
      versionRef.current++
      const transport = transportRef.current
      if (!transport) {
        return fail({ reason: "unknown", message: "", action: "remove", code })
      }
      return track({ action: "remove", code }, async () => {
        const result = await transport.remove(id, code)
        if (!result.ok) {
          return fail(errorOf(result, "remove", code))
        }
        const { [code]: _forgotten, ...rest } = learnedRef.current
        learn(id, rest)
        const merged = commit(result.cart)
        setLastApplied((last) => (last === code ? null : last))
        setLastRemoved(code)
        return { ok: true as const, cart: merged }
      })
    },
    [cartIdRef, transportRef, commit, fail, learn, track]
  )

  const validate = useCallback(
    async (input: string): Promise<CouponValidation> => {
      const code = normalizeCode(input)
      if (!code) {
        fail({ reason: "empty", message: "", action: "validate" })
        return { valid: false, code, reason: "empty", message: "" }
      }
      setError(null)
      return track({ action: "validate", code }, async () => {
        try {
          const transport = transportRef.current
          if (!transport) {
            throw new Error("useCoupons needs `actions` or `sdk`")
          }
          const result = await transport.validate(cartIdRef.current, code)
          if (!result.valid) {
            fail({ reason: result.reason, message: result.message, action: "validate", code: result.code || code })
          }
          return result
        } catch (thrown) {
          const failure = toCouponError(thrown, "validate", code)
          fail(failure)
          return { valid: false as const, code, reason: failure.reason, message: failure.message }
        }
      })
    },
    [cartIdRef, transportRef, fail, track]
  )

  const codes = useMemo(() => codesOf(cart), [cart])
  const applied = useMemo<AppliedCoupon[]>(() => {
    if (!cart) {
      return []
    }
    const promotions = resolvePromotions(cart, codes, learned)
    return (appliedCodesOf(cart) ?? []).map((entry) => ({
      id: entry.id,
      code: entry.code,
      amount: discountForCode(cart, entry.code, codes, promotions),
    }))
  }, [cart, codes, learned])

  const clearError = useCallback(() => setError(null), [])

  return {
    cartId,
    cart,
    codes,
    applied,
    isLoading: loads > 0,
    isPending: pendingList.length > 0,
    pending: pendingList[pendingList.length - 1] ?? null,
    error,
    lastApplied: applied.find((entry) => entry.code === lastApplied) ?? null,
    lastRemoved,
    apply,
    remove,
    validate,
    refresh: load,
    clearError,
  }
}
