import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

type Issue = z.core.$ZodIssue

const describe = (issue: Issue): string => {
  const path = issue.path.map(String).join(".")
  const message = issue.code === "unrecognized_keys" ? `unrecognized fields: ${issue.keys.join(", ")}` : issue.message
  return path ? `${path}: ${message}` : message
}

/**
 * Like Medusa's `validateAndTransformBody`, but the 400 lists every problem
 * with its field path (Medusa's formatter keeps the first three and drops
 * the path of custom messages), so one answer tells the admin all to fix.
 */
export const validateAndTransformBodyListingAll =
  (schema: z.ZodTypeAny) => async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const result = await schema.safeParseAsync(req.body ?? {})
    if (result.success) {
      req.validatedBody = result.data
      return next()
    }
    next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${result.error.issues.map(describe).join("; ")}`))
  }
