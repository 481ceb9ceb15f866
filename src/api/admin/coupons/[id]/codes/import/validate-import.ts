import type { MedusaContainer } from "@medusajs/framework/types"
import { COUPON_MODULE } from "../../../../../../modules/coupon"
import { ImportRowError, parseCodeImport } from "../../../../../../modules/coupon/csv/parse-code-import"
import type CouponModuleService from "../../../../../../modules/coupon/service"

/** Every row checked before anything is written: format, repeats in the file, codes already live in the store. */
export const validateCodeImport = async (container: MedusaContainer, csv: string) => {
  const { rows, errors } = parseCodeImport(csv)
  const taken = new Set(await container.resolve<CouponModuleService>(COUPON_MODULE).findLiveCodes(rows.map((row) => row.code)))
  const storeErrors: ImportRowError[] = rows
    .filter((row) => taken.has(row.code))
    .map((row) => ({ line: row.line, code: row.code, error: "duplicate in store: a live code already uses this text" }))
  return {
    rows: rows.map(({ line: _line, ...code }) => code),
    errors: [...errors, ...storeErrors].sort((a, b) => a.line - b.line),
  }
}

export const describeImportErrors = (errors: ImportRowError[]) => {
  const first = errors
    .slice(0, 5)
    .map((error) => `line ${error.line}${error.code ? ` (${error.code})` : ""}: ${error.error}`)
    .join("; ")
  return `${errors.length} problem${errors.length === 1 ? "" : "s"} in the file, nothing was imported: ${first}${errors.length > 5 ? "; …" : ""}`
}
