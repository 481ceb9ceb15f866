import { createContext, useContext, type ReactNode } from "react"
import { mergeMessages, type CouponMessages, type CouponMessagesInput } from "./messages"
import { useCoupons, type UseCouponsOptions, type UseCouponsResult } from "./use-coupons"

type CouponsContextValue = { coupons: UseCouponsResult; messages?: CouponMessagesInput; locale?: string }

const CouponsContext = createContext<CouponsContextValue | null>(null)

export type CouponsProviderProps = UseCouponsOptions & {
  children?: ReactNode
  /** Shared by every component inside; a component's own `messages` win. */
  messages?: CouponMessagesInput
  /** For money and dates; the browser's language when left out. */
  locale?: string
}

/** One `useCoupons` state shared by the form, the applied list and the summary line. */
export const CouponsProvider = ({ children, messages, locale, ...options }: CouponsProviderProps) => {
  const coupons = useCoupons(options)
  return <CouponsContext.Provider value={{ coupons, messages, locale }}>{children}</CouponsContext.Provider>
}

export const useCouponsContext = (): UseCouponsResult | null => useContext(CouponsContext)?.coupons ?? null

/** What each component takes to find its state: a `coupons` prop or the provider. */
export type CouponsBinding = {
  coupons?: UseCouponsResult
  messages?: CouponMessagesInput
  locale?: string
}

export const useBinding = (props: CouponsBinding): { coupons: UseCouponsResult | null; messages: CouponMessages; locale?: string } => {
  const context = useContext(CouponsContext)
  return {
    coupons: props.coupons ?? context?.coupons ?? null,
    messages: mergeMessages(context?.messages, props.messages),
    locale: props.locale ?? context?.locale,
  }
}

export const requireCoupons = (component: string, coupons: UseCouponsResult | null): UseCouponsResult => {
  if (!coupons) {
    throw new Error(`<${component}> needs a \`coupons\` prop (from useCoupons) or a <CouponsProvider> around it`)
  }
  return coupons
}
