/**
 * The dates the plugin accepts: years 1 to 9999 (UTC). PostgreSQL's
 * timestamptz reaches further, but JavaScript writes a year outside
 * 0000..9999 as "+010000-…" or "-000001-…", which PostgreSQL refuses (a 500),
 * and year 0 does not exist there. Four-digit years are also what every
 * admin form, CSV and spreadsheet reads back as written.
 */
export const MIN_STORABLE_TIME = new Date("0001-01-01T00:00:00.000Z").getTime()
export const MAX_STORABLE_TIME = new Date("9999-12-31T23:59:59.999Z").getTime()

export const STORABLE_DATE_MESSAGE = "must be a date between the years 1 and 9999"

/** Whether a date is valid and within years 1..9999. */
export const isStorableDate = (date: Date): boolean => {
  const time = date.getTime()
  return !Number.isNaN(time) && time >= MIN_STORABLE_TIME && time <= MAX_STORABLE_TIME
}
