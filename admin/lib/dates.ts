/**
 * ISO timestamps ↔ the form value of a date-time field (DateTimeField, on
 * @medusajs/ui's DatePicker), which is a wall-clock time in the browser's own
 * time zone ("2026-05-01T09:30", no offset), as `<input type="datetime-local">`
 * holds it. Going through UTC here would move a date by the offset on every save.
 */

const pad = (value: number) => String(value).padStart(2, "0")

/** "2026-05-01T13:30:00.000Z" → "2026-05-01T09:30" in New York; "" for no date. */
export const isoToLocalInput = (iso: string | null | undefined): string => {
  if (!iso) {
    return ""
  }
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) {
    return ""
  }
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/**
 * The input's local wall-clock time as an ISO timestamp; null when empty.
 * Given the `original` ISO the input was filled from, an untouched input
 * gives it back as is, so its seconds are not cut off by the minute-wide input.
 */
export const localInputToIso = (value: string, original?: string | null): string | null => {
  if (!value) {
    return null
  }
  if (original && isoToLocalInput(original) === value) {
    return new Date(original).toISOString()
  }
  // a date-time string without an offset is local time in JavaScript
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : date.toISOString()
}

/** The picker's value: the local wall-clock time as a Date; null when empty. */
export const localInputToDate = (value: string): Date | null => {
  if (!value) {
    return null
  }
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** The picker's Date (local time, whole minutes) as the form value; "" when cleared. */
export const dateToLocalInput = (date: Date | null): string => (date ? isoToLocalInput(date.toISOString()) : "")
