import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const NUL = "\u0000"

/** Where the first NUL is in a parsed body or query (keys count too), or null. */
export const findNul = (value: unknown, path: string, depth = 0): string | null => {
  if (typeof value === "string") {
    return value.includes(NUL) ? path : null
  }
  // parsed JSON and query strings are trees; a deeper one is refused by the validators anyway
  if (value === null || typeof value !== "object" || depth > 32) {
    return null
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`
    if (key.includes(NUL)) {
      return childPath
    }
    const found = findNul(child, childPath, depth + 1)
    if (found) {
      return found
    }
  }
  return null
}

/**
 * Refuses a request carrying a NUL character anywhere in its body, query or
 * path parameters with 400 invalid_data. PostgreSQL cannot store or compare
 * text holding NUL (not in text, not in jsonb): it answers an error that
 * would otherwise surface as a 500 from whichever lookup reads it first.
 */
export const refuseNulCharacters = (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
  const found = findNul(req.body, "body") ?? findNul(req.query, "query") ?? findNul(req.params, "path")
  if (!found) {
    return next()
  }
  // the path names a key, which may itself hold the NUL
  const where = found.replaceAll(NUL, "\\0").slice(0, 200)
  next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${where} must not contain NUL characters`))
}
