import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCouponRoutesMiddlewares } from "./admin/coupons/middlewares"
import { storeCouponRoutesMiddlewares } from "./store/middlewares"
import { malformedPathErrorHandler } from "./utils/malformed-path-error-handler"

// each route folder keeps its own middlewares beside its validators, as Medusa core does
export default defineMiddlewares({
  routes: [...adminCouponRoutesMiddlewares, ...storeCouponRoutesMiddlewares],
  errorHandler: malformedPathErrorHandler,
})
