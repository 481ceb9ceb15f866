import { useCallback, useEffect, useMemo, useRef, useState } from "react"
import { applyCoupon, removeCoupon, retrieveCart, validateCoupon } from "./api"
import { explainApplyFailure } from "./apply-failure"
import { addedPromotions, discountForCode, resolvePromotions, type PromotionsByCode } from "./discounts"
import { toCouponError } from "./errors"
import { isOlderCart, mergeCart } from "./merge-cart"
import { normalizeCode } from "./normalize"
import { recallPromotions, rememberPromotions } from "./promotion-memory"
import type {
  AppliedCoupon,
  CouponAction,
  CouponCart,
  CouponError,
  CouponOutcome,
  CouponValidation,
  CouponsSdk,
} from "./types"
import { useLatest } from "./use-latest"

export type UseCouponsOptions = {
  sdk: CouponsSdk
  cartId?: string | null
  /** The cart the storefront already holds; without `coupon_codes` the hook fetches them. */
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

const codesOf = (cart: CouponCart | null) => (cart?.coupon_codes ?? []).map((entry) => entry.code)

export const useCoupons = ({ sdk, cartId = null, cart: givenCart, onCartChange }: UseCouponsOptions): UseCouponsResult => {
  const [cart, setCart] = useState<CouponCart | null>(givenCart && givenCart.id === cartId ? givenCart : null)
  const [learned, setLearned] = useState<PromotionsByCode>({})
  const [pendingList, setPendingList] = useState<CouponPending[]>([])
  const [loads, setLoads] = useState(0)
  const [error, setError] = useState<CouponError | null>(null)
  const [lastApplied, setLastApplied] = useState<string | null>(null)
  const [lastRemoved, setLastRemoved] = useState<string | null>(null)
  const sdkRef = useLatest(sdk)
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

  const track = useCallback(async <T,>(pending: CouponPending, run: () => Promise<T>): Promise<T> => {
    setPendingList((list) => [...list, pending])
    try {
      return await run()
    } finally {
      setPendingList((list) => list.filter((entry) => entry !== pending))
    }
  }, [])

  const load = useCallback(async (): Promise<CouponCart | null> => {
    const id = cartIdRef.current
    if (!id) {
      return null
    }
    const version = ++versionRef.current
    loadingFor.current = id
    setLoads((count) => count + 1)
    try {
      const loaded = await retrieveCart(sdkRef.current, id)
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
  }, [cartIdRef, sdkRef, show])

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
    if ((cartRef.current?.id !== cartId || !cartRef.current.coupon_codes) && loadingFor.current !== cartId) {
      void load()
    }
  }, [cartId, load, show])

  // the storefront refreshed its cart (quantities, shipping): take its totals, keep the codes
  const lastGiven = useRef(givenCart)
  useEffect(() => {
    const same = shallowEqual(lastGiven.current, givenCart)
    lastGiven.current = givenCart
    if (givenCart && givenCart.id === cartIdRef.current && (!same || !cartRef.current) && !isOlderCart(givenCart, cartRef.current)) {
      const previous = cartRef.current
      show({ ...mergeCart(previous, givenCart), coupon_codes: givenCart.coupon_codes ?? previous?.coupon_codes })
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
      return track({ action: "apply", code }, async () => {
        const before = cartRef.current
        try {
          const next = await applyCoupon(sdkRef.current, id, code)
          // with no cart to compare against, the added promotions are only known for a lone code
          if (before || codesOf(next).length === 1) {
            learn(id, { ...learnedRef.current, [code]: addedPromotions(before, next) })
          }
          const merged = commit(next)
          setLastApplied(code)
          return { ok: true as const, cart: merged }
        } catch (thrown) {
          return fail(await explainApplyFailure(sdkRef.current, thrown, code, id))
        }
      })
    },
    [cartIdRef, sdkRef, commit, fail, learn, track]
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
      return track({ action: "remove", code }, async () => {
        try {
          const next = await removeCoupon(sdkRef.current, id, code)
          const { [code]: _forgotten, ...rest } = learnedRef.current
          learn(id, rest)
          const merged = commit(next)
          setLastApplied((last) => (last === code ? null : last))
          setLastRemoved(code)
          return { ok: true as const, cart: merged }
        } catch (thrown) {
          return fail(toCouponError(thrown, "remove", code))
        }
      })
    },
    [cartIdRef, sdkRef, commit, fail, learn, track]
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
          const result = await validateCoupon(sdkRef.current, code, cartIdRef.current)
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
    [cartIdRef, sdkRef, fail, track]
  )

  const codes = useMemo(() => codesOf(cart), [cart])
  const applied = useMemo<AppliedCoupon[]>(() => {
    if (!cart) {
      return []
    }
    const promotions = resolvePromotions(cart, codes, learned)
    return (cart.coupon_codes ?? []).map((entry) => ({
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
