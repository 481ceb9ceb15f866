import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

// names every JavaScript object answers to (toString, constructor, __proto__, ...)
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype))

/** The first segment of a `fields` query (`+a.b,-c,*d`) that is an Object.prototype name, or null. */
export const prototypeFieldIn = (fields: unknown): string | null => {
  const texts = Array.isArray(fields) ? fields : [fields]
  for (const text of texts) {
    if (typeof text !== "string") {
      continue
    }
    for (const field of text.split(",")) {
      const segment = field
        .trim()
        .replace(/^[+\-*]+/, "")
        .split(".")
        .find((part) => PROTOTYPE_NAMES.has(part.replace(/^\*/, "")))
      if (segment !== undefined) {
        return segment
      }
    }
  }
  return null
}

/**
 * Refuses `fields=toString` (or `constructor`, `__proto__`, …) with 400: Medusa's
 * query builder looks requested fields up on plain objects, finds the prototype's
 * function and fails with a 500.
 */
export const refusePrototypeFields = (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
  const found = prototypeFieldIn((req.query as Record<string, unknown>).fields)
  if (!found) {
    return next()
  }
  next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: fields: "${found.slice(0, 100)}" is not a field`))
}
