/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell
 * that begins with = + - @ (or their full-width forms, which Apple Numbers
 * folds to them), a tab or a carriage return as a formula. Exports prefix
 * such a cell with ' so it is shown as text; the import strips the prefix
 * again, so an export re-imports as the same data.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/** A plain negative number is data, not a formula: it stays a number in the sheet. */
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/

/**
 * What the import unescapes: ' before a formula start, or before another '
 * (a value that itself began with ' plus one of those is exported with one
 * more ', so every value survives the round trip).
 */
const ESCAPED = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20']/

/** The cell as written to an export. */
export const escapeCsvCell = (value: string): string =>
  (FORMULA_START.test(value) && !NEGATIVE_NUMBER.test(value)) || ESCAPED.test(value) ? `'${value}` : value

/** The cell as read from an import: the export's prefix removed, anything else as is. */
export const unescapeCsvCell = (value: string): string => (ESCAPED.test(value) ? value.slice(1) : value)
