/** The calendar periods a usage limit can count in: days, weeks from Monday, months. */
export const USAGE_PERIODS = ["day", "week", "month"] as const
export type UsagePeriod = (typeof USAGE_PERIODS)[number]

type LocalDate = { year: number; month: number; day: number }

const partsFormatter = new Map<string, Intl.DateTimeFormat>()
/** One formatter per zone (they are costly to build): local calendar date and time of an instant. */
const formatterFor = (timeZone: string) => {
  let formatter = partsFormatter.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
    partsFormatter.set(timeZone, formatter)
  }
  return formatter
}

const localParts = (at: Date, timeZone: string) => {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(at)
      .map((part) => [part.type, Number(part.value)])
  )
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number }
}

/** Whether `timeZone` is an IANA zone this runtime knows ("Europe/Berlin", "UTC"). */
export const isTimeZone = (timeZone: string): boolean => {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

/** The zone's offset from UTC at an instant, in ms (Berlin in winter: +3,600,000). */
const offsetAt = (at: Date, timeZone: string): number => {
  const local = localParts(at, timeZone)
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second)
  return asUtc - Math.floor(at.getTime() / 1000) * 1000
}

/** The instant the zone's clocks show midnight starting `date` (the first instant of that day where DST skips it). */
const startOfLocalDay = ({ year, month, day }: LocalDate, timeZone: string): Date => {
  const wall = Date.UTC(year, month - 1, day)
  // the offset of the instant found depends on the instant: two rounds settle it, DST included
  let instant = wall - offsetAt(new Date(wall), timeZone)
  instant = wall - offsetAt(new Date(instant), timeZone)
  const found = localParts(new Date(instant), timeZone)
  // a day that starts at 01:00 because 00:00 does not exist: the clocks jumped, the day begins at the jump
  return found.day !== day ? new Date(instant + 60 * 60 * 1000 - (found.minute * 60 + found.second) * 1000) : new Date(instant)
}

const shiftDays = ({ year, month, day }: LocalDate, days: number): LocalDate => {
  const moved = new Date(Date.UTC(year, month - 1, day + days))
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() }
}

const firstDayOf = (period: UsagePeriod, date: LocalDate): LocalDate => {
  if (period === "month") {
    return { ...date, day: 1 }
  }
  if (period === "week") {
    // Monday first (ISO 8601), as PostgreSQL's date_trunc('week')
    const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()
    return shiftDays(date, -((weekday + 6) % 7))
  }
  return date
}

const nextFirstDay = (period: UsagePeriod, start: LocalDate): LocalDate =>
  period === "month"
    ? { year: start.month === 12 ? start.year + 1 : start.year, month: start.month === 12 ? 1 : start.month + 1, day: 1 }
    : shiftDays(start, period === "week" ? 7 : 1)

const isoDate = ({ year, month, day }: LocalDate) =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`

/**
 * The period an instant falls in, on the store's calendar (`time_zone`): its
 * first local day (`start`, "YYYY-MM-DD", the counter's key) and the instant the
 * next one begins (`resets_at`).
 */
export const periodOf = (period: UsagePeriod, at: Date, timeZone: string): { start: string; resets_at: Date } => {
  const { year, month, day } = localParts(at, timeZone)
  const first = firstDayOf(period, { year, month, day })
  return { start: isoDate(first), resets_at: startOfLocalDay(nextFirstDay(period, first), timeZone) }
}
