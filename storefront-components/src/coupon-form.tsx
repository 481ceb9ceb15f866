import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react"
import { partClasses, type Themable } from "./class-names"
import { requireCoupons, useBinding, type CouponsBinding } from "./context"
import { describeError } from "./describe-error"
import { formatMessage } from "./format-message"
import { formatMoney } from "./money"
import { normalizeCode } from "./normalize"
import type { CouponCart, CouponError } from "./types"

export type CouponFormPart = "label" | "row" | "input" | "button" | "error" | "success"

export type CouponFormProps = CouponsBinding &
  Themable<CouponFormPart | "root"> & {
    /** "div" when the form sits inside another form (forms cannot nest); Enter still applies. */
    as?: "form" | "div"
    /** The input's id (generated when left out). */
    id?: string
    onApplied?: (cart: CouponCart, code: string) => void
    onError?: (error: CouponError) => void
  }

/** A labelled code field and an Apply button, with the outcome announced below it. */
export const CouponForm = (props: CouponFormProps) => {
  const binding = useBinding(props)
  const coupons = requireCoupons("CouponForm", binding.coupons)
  const { messages, locale } = binding
  const part = partClasses("coupons-form", props)
  const [value, setValue] = useState("")
  const [wantsFocus, setWantsFocus] = useState(false)
  const rootRef = useRef<HTMLElement | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const generatedId = useId()
  const inputId = props.id ?? `${generatedId}code`
  const errorId = `${generatedId}error`

  const busy = coupons.isPending
  const error = coupons.error && coupons.error.action !== "remove" ? coupons.error : null
  const errorText = error ? describeError(error, messages, coupons.cart, locale) : ""
  const last = error ? null : coupons.lastApplied
  const currency = coupons.cart?.currency_code
  const successText = last
    ? formatMessage(messages.success, {
        code: last.code,
        amount: last.amount && currency ? formatMoney(last.amount, currency, locale) : undefined,
      })
    : ""

  // the input was disabled while applying: give focus back once it is enabled again
  useEffect(() => {
    if (wantsFocus && !busy) {
      inputRef.current?.focus()
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the focus request is done once the input is enabled in the DOM
      setWantsFocus(false)
    }
  }, [wantsFocus, busy])

  const submit = async () => {
    if (busy) {
      return
    }
    const hadFocus = !!rootRef.current?.contains(document.activeElement)
    const outcome = await coupons.apply(value)
    if (outcome.ok) {
      setValue("")
      props.onApplied?.(outcome.cart, normalizeCode(value))
    } else {
      props.onError?.(outcome.error)
    }
    setWantsFocus(hadFocus)
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void submit()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (props.as === "div" && event.key === "Enter") {
      event.preventDefault()
      void submit()
    }
  }

  const children = (
    <>
      <label htmlFor={inputId} className={part("label")}>
        {formatMessage(messages.label)}
      </label>
      <div className={part("row")}>
        <input
          ref={inputRef}
          id={inputId}
          name="coupon_code"
          type="text"
          className={part("input")}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={formatMessage(messages.placeholder)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          disabled={busy}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <button
          type={props.as === "div" ? "button" : "submit"}
          onClick={props.as === "div" ? () => void submit() : undefined}
          className={part("button")}
          disabled={busy}
        >
          {formatMessage(coupons.pending?.action === "apply" ? messages.applying : messages.apply)}
        </button>
      </div>
      <div id={errorId} className={part("error")} role="alert" aria-live="assertive" aria-atomic="true">
        {errorText}
      </div>
      <div className={part("success")} role="status" aria-live="polite" aria-atomic="true">
        {successText}
      </div>
    </>
  )

  const setRoot = (node: HTMLElement | null) => {
    rootRef.current = node
  }
  const shared = {
    className: part("root"),
    "aria-busy": busy || undefined,
    "data-state": busy ? "pending" : error ? "error" : last ? "applied" : "idle",
  }
  return props.as === "div" ? (
    <div ref={setRoot} {...shared}>
      {children}
    </div>
  ) : (
    <form ref={setRoot} onSubmit={onSubmit} noValidate {...shared}>
      {children}
    </form>
  )
}
