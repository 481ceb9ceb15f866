/**
 * Codes are stored and compared in one canonical form so that "summer-10 ",
 * "Summer-10" and "SUMMER-10" are the same code everywhere (lookups, the
 * unique index, the ledger).
 */
export const normalizeCode = (raw: string): string => raw.normalize("NFKC").trim().toUpperCase()

/** Letters, digits, dash and underscore; 3 to 64 characters. */
export const CODE_FORMAT = /^[A-Z0-9][A-Z0-9_-]{1,62}[A-Z0-9]$/

export const MIN_CODE_LENGTH = 3
export const MAX_CODE_LENGTH = 64

export type CodeFormatProblem = "empty" | "too_short" | "too_long" | "bad_characters"

/** Returns why a normalized code is malformed, or null when it is well formed. */
export const codeFormatProblem = (code: string): CodeFormatProblem | null => {
  if (!code.length) {
    return "empty"
  }
  if (code.length < MIN_CODE_LENGTH) {
    return "too_short"
  }
  if (code.length > MAX_CODE_LENGTH) {
    return "too_long"
  }
  return CODE_FORMAT.test(code) ? null : "bad_characters"
}

export const isWellFormedCode = (code: string): boolean => codeFormatProblem(code) === null
