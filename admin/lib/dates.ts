/**
 * ISO timestamps ↔ the form value of a date-time field (DateTimeField, on
 * @medusajs/ui's DatePicker), which is a wall-clock time in the browser's own
 * time zone ("2026-05-01T09:30", no offset), as `<input type="datetime-local">`
 * holds it. Going through UTC here would move a date by the offset on every save.
 */

const pad = (value: number, width = 2) => String(value).padStart(width, "0")

// "2026-05-01T09:30"; the year always has four digits, as typing "2027" into the picker's
// year passes through the years 2, 20 and 202, which must come back as the same date
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

/** A Date's wall-clock time in the browser's zone, as the field holds it. */
const formatLocal = (date: Date) =>
  `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`

/** "2026-05-01T13:30:00.000Z" → "2026-05-01T09:30" in New York; "" for no date. */
export const isoToLocalInput = (iso: string | null | undefined): string => {
  if (!iso) {
    return ""
  }
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) {
    return ""
  }
  return formatLocal(date)
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
  const date = localInputToDate(value)
  return date ? date.toISOString() : value
}

/** The picker's value: the local wall-clock time as a Date; null when empty. */
export const localInputToDate = (value: string): Date | null => {
  const parts = LOCAL_INPUT.exec(value)
  if (!parts) {
    return null
  }
  const [year, month, day, hours, minutes] = parts.slice(1).map(Number)
  // setFullYear, as the Date constructor reads the years 0 to 99 as 1900 to 1999
  const date = new Date(2000, 0, 1)
  date.setFullYear(year, month - 1, day)
  date.setHours(hours, minutes, 0, 0)
  // "2027-13-45T25:00" would roll over into another date: as the Date parser, call it no date
  // (the hour is checked by its range, as a time in a daylight-saving gap moves by an hour)
  const exact = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day && hours < 24 && minutes < 60
  return exact ? date : null
}

/** The picker's Date (local time, whole minutes) as the form value; "" when cleared. */
export const dateToLocalInput = (date: Date | null): string => (date && !Number.isNaN(date.getTime()) ? formatLocal(date) : "")
