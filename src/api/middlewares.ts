import { defineMiddlewares, type MiddlewareRoute } from "@medusajs/framework/http"
import { adminCouponRoutesMiddlewares } from "./admin/coupons/middlewares"
import { adminPromotionRoutesMiddlewares } from "./admin/promotions/guard-backing-promotions"
import { storeCouponRoutesMiddlewares } from "./store/middlewares"
import { malformedPathErrorHandler } from "./utils/malformed-path-error-handler"
import { refuseNulCharacters } from "./utils/refuse-nul-characters"
import { refusePrototypeFields } from "./utils/refuse-prototype-fields"

/**
 * NUL in a body, query or path answers 400 on every plugin route and on the
 * Medusa routes whose promo_codes the plugin translates, and so do `fields`
 * naming an Object.prototype member on the plugin's own routes; listed first,
 * so they run before any middleware that reads the database. Without a method
 * a matcher also covers the routes below it.
 */
const inputHygieneRoutes: MiddlewareRoute[] = [
  { matcher: "/store/coupons", middlewares: [refuseNulCharacters, refusePrototypeFields] },
  { matcher: "/store/carts/:id/coupons", middlewares: [refuseNulCharacters, refusePrototypeFields] },
  { method: ["POST"], matcher: "/store/carts/:id", middlewares: [refuseNulCharacters] },
  { method: ["POST", "DELETE"], matcher: "/store/carts/:id/promotions", middlewares: [refuseNulCharacters] },
  { matcher: "/admin/coupons", middlewares: [refuseNulCharacters, refusePrototypeFields] },
]

// each route folder keeps its own middlewares beside its validators, as Medusa core does
export default defineMiddlewares({
  routes: [...inputHygieneRoutes, ...adminCouponRoutesMiddlewares, ...adminPromotionRoutesMiddlewares, ...storeCouponRoutesMiddlewares],
  errorHandler: malformedPathErrorHandler,
})
