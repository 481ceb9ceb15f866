import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Medusa's validateAndTransformQuery throws INVALID_ARGUMENT (a 500) for a
 * query key with more than one dot (`?a.b.c=1`); refuse it as the bad input
 * it is, with 400 invalid_data, before that parser runs.
 */
export const refuseDeepQueryKeys = (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
  const deep = Object.keys(req.query ?? {}).filter((key) => key.split(".").length > 2)
  if (!deep.length) {
    return next()
  }
  next(
    new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Query parameters may be at most 2 levels deep: ${deep.map((key) => key.slice(0, 100)).join(", ")}`
    )
  )
}
