import { parse } from "csv-parse/sync"
import { codeFormatProblem, normalizeCode } from "../codes/normalize"
import { CODE_STATUSES } from "../constants"
import { isStorableDate, STORABLE_DATE_MESSAGE } from "../schemas/storable-date"
import type { NewCouponCode } from "../types"
import { unescapeCsvCell } from "./formula-escape"
import { CODE_IMPORT_COLUMNS, CODE_IMPORT_IGNORED_COLUMNS, MAX_IMPORT_ROWS } from "./code-columns"

export type ImportRowError = { line: number; code: string | null; error: string }

export type ParsedCodeImport = { rows: (NewCouponCode & { line: number })[]; errors: ImportRowError[] }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type Record = { [column: string]: string | undefined }

/** One row's values, or the reasons it is unusable. */
const parseRow = (record: Record, line: number): { row?: NewCouponCode & { line: number }; errors: ImportRowError[] } => {
  const raw = record.code ?? ""
  const code = normalizeCode(raw)
  const errors: string[] = []
  const formatProblem = codeFormatProblem(code)
  if (formatProblem) {
    errors.push(`code is not valid (${formatProblem.replace("_", " ")}): use 3–64 letters, digits, - or _`)
  }
  const limitText = record.usage_limit?.trim() ?? ""
  const usageLimit = limitText === "" ? null : Number(limitText)
  if (usageLimit !== null && (!Number.isInteger(usageLimit) || usageLimit < 1)) {
    errors.push(`usage_limit "${limitText}" must be a whole number of at least 1, or empty for unlimited`)
  }
  const expiresText = record.expires_at?.trim() ?? ""
  const expiresAt = expiresText === "" ? null : new Date(expiresText)
  if (expiresAt && Number.isNaN(expiresAt.getTime())) {
    errors.push(`expires_at "${expiresText}" is not a date (use ISO 8601, e.g. 2030-01-31T23:59:59Z)`)
  } else if (expiresAt && !isStorableDate(expiresAt)) {
    errors.push(`expires_at "${expiresText}" ${STORABLE_DATE_MESSAGE}`)
  }
  const email = record.assigned_email?.trim().toLowerCase() ?? ""
  if (email && !EMAIL.test(email)) {
    errors.push(`assigned_email "${email}" is not an email address`)
  }
  const status = record.status?.trim().toLowerCase() ?? ""
  if (status && !(CODE_STATUSES as readonly string[]).includes(status)) {
    errors.push(`status "${status}" must be one of ${CODE_STATUSES.join(", ")}`)
  }
  if (errors.length) {
    return { errors: errors.map((error) => ({ line, code: raw || null, error })) }
  }
  return {
    errors: [],
    row: {
      line,
      code,
      usage_limit: usageLimit,
      expires_at: expiresAt,
      assigned_email: email || null,
      status: (status || "active") as NewCouponCode["status"],
    },
  }
}

/**
 * Reads an import CSV (a header row naming the columns; `code` required) and
 * checks every row before anything is written: format, duplicates within the
 * file. Lines are the file's line numbers (the header is line 1).
 * Duplicates with stored codes need the database and are checked by the caller.
 */
export const parseCodeImport = (csv: string): ParsedCodeImport => {
  let records: { record: Record; info: { lines: number } }[]
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((column) => column.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: false,
    })
  } catch (error) {
    const lines = (error as { lines?: number }).lines ?? 1
    return { rows: [], errors: [{ line: lines, code: null, error: `the file is not valid CSV: ${(error as Error).message}` }] }
  }
  const headerProblem = checkHeader(csv)
  if (headerProblem) {
    return { rows: [], errors: [{ line: 1, code: null, error: headerProblem }] }
  }
  if (!records.length) {
    return { rows: [], errors: [{ line: 2, code: null, error: "the file has no codes" }] }
  }
  if (records.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      errors: [
        {
          line: MAX_IMPORT_ROWS + 2,
          code: null,
          error: `an import takes at most ${MAX_IMPORT_ROWS.toLocaleString("en-US")} codes; split the file`,
        },
      ],
    }
  }
  const rows: ParsedCodeImport["rows"] = []
  const errors: ImportRowError[] = []
  const firstLineOf = new Map<string, number>()
  for (const { record: cells, info } of records) {
    // an export's formula guard (a leading ') is not part of the data
    const record = Object.fromEntries(
      Object.entries(cells).map(([column, value]) => [column, value === undefined ? value : unescapeCsvCell(value)])
    )
    const parsed = parseRow(record, info.lines)
    errors.push(...parsed.errors)
    if (!parsed.row) {
      continue
    }
    const first = firstLineOf.get(parsed.row.code)
    if (first !== undefined) {
      errors.push({ line: info.lines, code: parsed.row.code, error: `duplicate in file: the same code is on line ${first}` })
      continue
    }
    firstLineOf.set(parsed.row.code, info.lines)
    rows.push(parsed.row)
  }
  return { rows, errors }
}

const checkHeader = (csv: string): string | null => {
  const [header] = parse(csv, { to_line: 1, bom: true, trim: true }) as string[][]
  const columns = (header ?? []).map((column) => column.toLowerCase())
  if (!columns.includes("code")) {
    return `the header row must name a "code" column (columns: ${CODE_IMPORT_COLUMNS.join(", ")})`
  }
  const known = new Set<string>([...CODE_IMPORT_COLUMNS, ...CODE_IMPORT_IGNORED_COLUMNS])
  const unknown = columns.filter((column) => !known.has(column))
  return unknown.length
    ? `unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")} (columns: ${CODE_IMPORT_COLUMNS.join(", ")})`
    : null
}
