import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"

/** An id or code from the URL: PostgreSQL cannot compare text holding NUL (it answers a 500). */
const pathParam = z
  .string()
  .max(512, "is too long")
  .refine((value) => !value.includes("\u0000"), "must not contain NUL characters")

/**
 * Refuses path parameters no record can have with 400 invalid_data, before
 * a lookup turns them into a database error. Registered without a method, so
 * it guards every route under its matcher.
 */
export const validatePathParams =
  (...names: string[]) =>
  (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const schema = z.object(Object.fromEntries(names.map((name) => [name, pathParam.optional()])))
    const result = schema.safeParse(req.params)
    if (result.success) {
      return next()
    }
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")
    next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid path: ${problems}`))
  }
