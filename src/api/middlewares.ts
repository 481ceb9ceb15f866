import { defineMiddlewares, type MiddlewareRoute } from "@medusajs/framework/http"
import { adminCouponRoutesMiddlewares } from "./admin/coupons/middlewares"
import { adminPromotionRoutesMiddlewares } from "./admin/promotions/guard-backing-promotions"
import { storeCouponRoutesMiddlewares } from "./store/middlewares"
import { malformedPathErrorHandler } from "./utils/malformed-path-error-handler"
import { refuseNulCharacters } from "./utils/refuse-nul-characters"

/**
 * NUL in a body, query or path answers 400 on every plugin route and on the
 * Medusa routes whose promo_codes the plugin translates; listed first, so it
 * runs before any middleware that reads the database. Without a method a
 * matcher also covers the routes below it.
 */
const refuseNulRoutes: MiddlewareRoute[] = [
  { matcher: "/store/coupons", middlewares: [refuseNulCharacters] },
  { matcher: "/store/carts/:id/coupons", middlewares: [refuseNulCharacters] },
  { method: ["POST"], matcher: "/store/carts/:id", middlewares: [refuseNulCharacters] },
  { method: ["POST", "DELETE"], matcher: "/store/carts/:id/promotions", middlewares: [refuseNulCharacters] },
  { matcher: "/admin/coupons", middlewares: [refuseNulCharacters] },
]

// each route folder keeps its own middlewares beside its validators, as Medusa core does
export default defineMiddlewares({
  routes: [...refuseNulRoutes, ...adminCouponRoutesMiddlewares, ...adminPromotionRoutesMiddlewares, ...storeCouponRoutesMiddlewares],
  errorHandler: malformedPathErrorHandler,
})
