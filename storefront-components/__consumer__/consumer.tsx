"use client"
// A storefront file as a shop would write it, type-checked by
// scripts/check-storefront-package.mjs against the packed package
// (a browser SDK, hooks, messages and theming).
import Medusa from "@medusajs/js-sdk"
import { useState } from "react"
import {
  AppliedCoupons,
  CouponDiscountLine,
  CouponForm,
  CouponsProvider,
  defaultMessages,
  useCouponFromUrl,
  useCoupons,
  type CouponCart,
  type CouponError,
  type CouponMessagesInput,
  type CouponReason,
  type UseCouponsResult,
} from "medusa-plugin-coupons-storefront"

const sdk = new Medusa({ baseUrl: "http://localhost:9000", publishableKey: "pk_test" })

const messages: CouponMessagesInput = {
  label: "Gutscheincode",
  apply: "Einlösen",
  reasons: {
    expired: "Code {code} ist abgelaufen.",
    not_found: ({ code }) => `Code ${code} gibt es nicht.`,
  },
}

const UrlCoupon = () => {
  const { status, code } = useCouponFromUrl({ param: "coupon" })
  return <span data-status={status}>{code}</span>
}

export const CheckoutCoupons = ({ cartId, cart }: { cartId: string; cart: CouponCart | null }) => {
  const [latest, setLatest] = useState<CouponCart | null>(cart)
  return (
    <CouponsProvider sdk={sdk} cartId={cartId} cart={cart} onCartChange={setLatest} messages={messages} locale="de-DE">
      <UrlCoupon />
      <CouponForm
        className="my-coupon-form"
        classNames={{ input: "field", button: "btn", error: "text-red" }}
        onApplied={(updated, code) => console.log(updated.total, code)}
        onError={(error: CouponError) => console.log(error.reason satisfies CouponReason)}
      />
      <AppliedCoupons unstyled classNames={{ item: "row" }} />
      <CouponDiscountLine cart={latest} hideWhenZero />
    </CouponsProvider>
  )
}

export const StandaloneCoupons = ({ cartId }: { cartId?: string }) => {
  const coupons: UseCouponsResult = useCoupons({ sdk, cartId })
  const check = async () => {
    const outcome = await coupons.apply("SAVE10")
    if (!outcome.ok) {
      console.log(outcome.error.message)
    }
    const validation = await coupons.validate("SAVE10")
    if (validation.valid) {
      console.log(validation.coupon.discount_type, validation.discount_preview?.amount)
    } else {
      console.log(validation.reason)
    }
  }
  return (
    <div>
      <button type="button" onClick={check} disabled={coupons.isPending}>
        {String(defaultMessages.apply)}
      </button>
      {coupons.applied.map((entry) => (
        <span key={entry.id}>
          {entry.code} {entry.amount ?? ""}
        </span>
      ))}
      <CouponForm coupons={coupons} messages={{ success: "{code} ok" }} />
    </div>
  )
}

// the package's types are real, not `any`: a wrong prop must not compile
// @ts-expect-error `nonsense` is not a CouponForm prop
export const wrongProp = <CouponForm nonsense />
