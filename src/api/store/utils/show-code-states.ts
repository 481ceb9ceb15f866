import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cartCodeStates } from "../../../workflows/utils/cart-code-states"

type CartBody = { cart?: { id?: string; coupon_codes?: ({ id?: string } | null)[] } }

/**
 * Store cart responses that show the applied codes (`?fields=+coupon_codes.code`)
 * give each one its state: `active`, or `waiting` with the reason and message
 * (see cartCodeStates). Responses without codes pass untouched.
 */
export const showCodeStates = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
  const json = res.json.bind(res)
  res.json = ((body: unknown) => {
    const cart = (body as CartBody | null)?.cart
    if (!cart?.id || !Array.isArray(cart.coupon_codes) || !cart.coupon_codes.some((code) => code?.id)) {
      return json(body)
    }
    cartCodeStates(req.scope, cart.id).then(
      (states) => {
        const codes = cart.coupon_codes!.map((code) => (code?.id && states.has(code.id) ? { ...code, ...states.get(code.id) } : code))
        json({ ...(body as CartBody), cart: { ...cart, coupon_codes: codes } })
      },
      (error) => {
        // the states only inform: the cart itself is still answered
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`Could not tell the states of a cart's coupon codes: ${error.message}`)
        json(body)
      }
    )
    return res
  }) as MedusaResponse["json"]
  next()
}
