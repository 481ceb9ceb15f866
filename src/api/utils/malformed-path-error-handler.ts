import { errorHandler, type MedusaErrorHandlerFunction } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const medusaErrorHandler = errorHandler()

/**
 * Medusa's own error handler, except for one case it answers with a 500: a
 * path with broken percent-encoding (`/admin/coupons/%E0%A4%A`). Express
 * fails to decode it in Medusa's first `/admin*` and `/store*` layers, before
 * any route or middleware of the plugin runs, and marks the URIError 400;
 * this answers that 400 in Medusa's error shape. Everything else goes to
 * Medusa's handler unchanged. An app that defines its own `errorHandler` in
 * its middlewares file replaces this one (the app's file is loaded last).
 */
export const malformedPathErrorHandler: MedusaErrorHandlerFunction = (error, req, res, next) => {
  const malformedPath = error instanceof URIError && (error as URIError & { status?: number }).status === 400
  return medusaErrorHandler(
    malformedPath ? new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid path: malformed percent-encoding") : error,
    req,
    res,
    next
  )
}
