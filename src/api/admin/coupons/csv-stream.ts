import type { MedusaResponse } from "@medusajs/framework/http"
import { stringify } from "csv-stringify"
import { Readable } from "stream"
import { pipeline } from "stream/promises"
import { escapeCsvCell } from "../../../modules/coupon/csv/formula-escape"

/**
 * Streams rows as CSV (header row first) while the pages are read: at most
 * one page is in memory, and a slow client slows the reads down
 * (backpressure) instead of filling memory.
 */
export const streamCsv = async (
  res: MedusaResponse,
  filename: string,
  columns: readonly string[],
  rows: AsyncIterable<Record<string, unknown>>
) => {
  res.status(200)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`)
  const csv = stringify({
    header: true,
    columns: [...columns],
    // text that begins like a formula gets a ' (OWASP CSV injection); numbers are data and stay as they are
    cast: { string: escapeCsvCell, date: (value) => escapeCsvCell(value.toISOString()) },
  })
  try {
    await pipeline(Readable.from(rows), csv, res)
  } catch (error) {
    if (!res.headersSent) {
      throw error
    }
    // the header row is gone: cut the download short rather than end it as if complete
    res.destroy(error as Error)
  }
}

/** Rows of keyset-paged reads, one page at a time. */
export async function* pagedRows<Row, Cursor>(
  readPage: (after: Cursor | null) => Promise<Row[]>,
  cursorOf: (row: Row) => Cursor,
  pageSize: number
): AsyncGenerator<Row> {
  let after: Cursor | null = null
  for (;;) {
    const page = await readPage(after)
    yield* page
    if (page.length < pageSize) {
      return
    }
    after = cursorOf(page[page.length - 1])
  }
}
