import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { authenticate } from "@medusajs/framework/http"
import { StoreApplyCoupon, StoreValidateCoupon } from "./store/coupons/validators"

// a logged-in shopper's id counts for per-customer caps; guests are welcome
const optionalCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

export default defineMiddlewares({
  routes: [
    {
      method: ["POST"],
      matcher: "/store/coupons/validate",
      middlewares: [optionalCustomer, validateAndTransformBody(StoreValidateCoupon)],
    },
    {
      method: ["POST"],
      matcher: "/store/carts/:id/coupons",
      middlewares: [optionalCustomer, validateAndTransformBody(StoreApplyCoupon)],
    },
    {
      method: ["DELETE"],
      matcher: "/store/carts/:id/coupons/:code",
      middlewares: [optionalCustomer],
    },
  ],
})
