import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { backingCodesIn, orderShopperCodes, replaceBackingCodes, withShopperCodes } from "./shopper-promotion-codes"

type Body = Record<string, unknown> & {
  cart?: { id?: string }
  order?: { id?: string }
  orders?: { id?: string }[]
}

/** The body with every cart and order in it as the shopper may see it. */
const shopperBody = async (req: MedusaRequest, body: Body): Promise<Body> => {
  const result: Body = { ...body }
  if (body.cart) {
    result.cart = await withShopperCodes(req.scope, body.cart, "cart")
  }
  if (body.order) {
    result.order = await withShopperCodes(req.scope, body.order, "order")
  }
  if (Array.isArray(body.orders)) {
    const ids = body.orders.map((order) => order?.id).filter((id): id is string => !!id)
    const held = await orderShopperCodes(req.scope, ids)
    result.orders = await Promise.all(
      body.orders.map((order) => withShopperCodes(req.scope, order, "order", held.get(order?.id ?? "") ?? []))
    )
  }
  // anything left (an error message naming a promotion): no internal code either
  return backingCodesIn(result).size ? (replaceBackingCodes(result, new Map()) as Body) : result
}

/**
 * Store cart and order responses, Medusa's own routes included, show a
 * coupon's discount under the code the shopper entered instead of its
 * backing promotion's internal `CPN-…` code (in `promotions[].code` and the
 * adjustments' `code`). Responses without such a code pass untouched.
 */
export const hideBackingPromotionCodes = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
  const json = res.json.bind(res)
  res.json = ((body: unknown) => {
    if (!body || typeof body !== "object" || !backingCodesIn(body).size) {
      return json(body)
    }
    shopperBody(req, body as Body).then(json, (error) => {
      // never the internal codes, even when the lookup fails
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`Could not name the coupon codes of a store response: ${error.message}`)
      res.status(500)
      json({ type: "unknown_error", message: "An unknown error occurred." })
    })
    return res
  }) as MedusaResponse["json"]
  next()
}
