import { useEffect, useRef, useState } from "react"
import { partClasses, type Themable } from "./class-names"
import { requireCoupons, useBinding, type CouponsBinding } from "./context"
import { describeError } from "./describe-error"
import { formatMessage } from "./format-message"
import { formatMoney } from "./money"
import type { CouponCart, CouponError } from "./types"

export type AppliedCouponsPart = "list" | "item" | "code" | "amount" | "button" | "error" | "status"

export type AppliedCouponsProps = CouponsBinding &
  Themable<AppliedCouponsPart | "root"> & {
    onRemoved?: (cart: CouponCart, code: string) => void
    onError?: (error: CouponError) => void
  }

/** The codes on the cart, each with what it takes off and a button to remove it. */
export const AppliedCoupons = (props: AppliedCouponsProps) => {
  const binding = useBinding(props)
  const coupons = requireCoupons("AppliedCoupons", binding.coupons)
  const { messages, locale } = binding
  const part = partClasses("coupons-applied", props)
  const rootRef = useRef<HTMLDivElement>(null)
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  const [focusAt, setFocusAt] = useState<number | null>(null)

  const busy = coupons.isPending
  const removing = coupons.pending?.action === "remove" ? coupons.pending.code : undefined
  const currency = coupons.cart?.currency_code
  const error = coupons.error?.action === "remove" ? coupons.error : null
  const errorText = error
    ? error.reason === "network"
      ? describeError(error, messages, coupons.cart, locale)
      : formatMessage(messages.removeFailed, { code: error.code, message: error.message || undefined })
    : ""
  const statusText = coupons.lastRemoved ? formatMessage(messages.removed, { code: coupons.lastRemoved }) : ""

  // the removed code's button is gone: move focus to its neighbour, or to the list itself
  useEffect(() => {
    if (focusAt === null || busy) {
      return
    }
    const next = coupons.codes[Math.min(focusAt, coupons.codes.length - 1)]
    ;(next ? buttons.current.get(next) : rootRef.current)?.focus()
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the focus request is done once the DOM has the new list; clearing it re-renders nothing visible
    setFocusAt(null)
  }, [focusAt, busy, coupons.codes])

  const remove = async (code: string, index: number) => {
    const hadFocus = !!rootRef.current?.contains(document.activeElement)
    const outcome = await coupons.remove(code)
    if (outcome.ok) {
      props.onRemoved?.(outcome.cart, code)
      if (hadFocus) {
        setFocusAt(index)
      }
    } else {
      props.onError?.(outcome.error)
    }
  }

  return (
    <div ref={rootRef} tabIndex={-1} className={part("root")} aria-busy={busy || undefined}>
      {coupons.applied.length > 0 && (
        <ul className={part("list")} aria-label={formatMessage(messages.appliedLabel)}>
          {coupons.applied.map((coupon, index) => (
            <li key={coupon.id || coupon.code} className={part("item")}>
              <span className={part("code")}>{coupon.code}</span>
              {coupon.amount !== null && currency && (
                <span className={part("amount")}>
                  {formatMessage(messages.discountAmount, { amount: formatMoney(coupon.amount, currency, locale) })}
                </span>
              )}
              <button
                type="button"
                ref={(node) => {
                  if (node) {
                    buttons.current.set(coupon.code, node)
                  } else {
                    buttons.current.delete(coupon.code)
                  }
                }}
                className={part("button")}
                onClick={() => void remove(coupon.code, index)}
                disabled={busy}
                aria-label={formatMessage(messages.removeLabel, { code: coupon.code })}
              >
                {formatMessage(removing === coupon.code ? messages.removing : messages.remove)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className={part("error")} role="alert" aria-live="assertive" aria-atomic="true">
        {errorText}
      </div>
      <div className={part("status")} role="status" aria-live="polite" aria-atomic="true">
        {statusText}
      </div>
    </div>
  )
}
