import { render, screen } from "@testing-library/react"
import type { ReactNode } from "react"
import { CouponsProvider, useCouponsContext, type CouponsProviderProps } from "../../src/context"
import type { CouponCart } from "../../src/types"
import { CART_ID, CART_PATH, makeCart } from "./carts"
import type { FakeSdk } from "./fake-sdk"

const Ready = () => {
  const coupons = useCouponsContext()
  return coupons?.cart && !coupons.isLoading ? <span data-testid="cart-ready" /> : null
}

/** Renders inside a provider (en-US) whose cart load is answered with `cart`, once that cart is shown. */
export const renderWithCart = async (
  fake: FakeSdk,
  ui: ReactNode,
  { cart = makeCart(), ...props }: { cart?: CouponCart } & Partial<CouponsProviderProps> = {}
) => {
  fake.reply("GET", CART_PATH, { cart })
  const view = render(
    <CouponsProvider sdk={fake.sdk} cartId={CART_ID} locale="en-US" {...props}>
      {ui}
      <Ready />
    </CouponsProvider>
  )
  await screen.findByTestId("cart-ready")
  return view
}
