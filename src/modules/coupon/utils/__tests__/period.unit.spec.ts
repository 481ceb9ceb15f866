import fc from "fast-check"
import { isTimeZone, periodOf, USAGE_PERIODS } from "../period"

const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "Asia/Tokyo",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Asia/Kolkata",
  "America/Sao_Paulo",
]
const localDate = (at: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(at)

describe("periodOf", () => {
  it("should start a Berlin day at local midnight, an hour before UTC's in winter and two in summer", () => {
    expect(periodOf("day", new Date("2026-01-15T22:30:00Z"), "Europe/Berlin")).toEqual({
      start: "2026-01-15",
      resets_at: new Date("2026-01-15T23:00:00Z"),
    })
    expect(periodOf("day", new Date("2026-01-15T23:30:00Z"), "Europe/Berlin")).toEqual({
      start: "2026-01-16",
      resets_at: new Date("2026-01-16T23:00:00Z"),
    })
    expect(periodOf("day", new Date("2026-07-15T21:59:59Z"), "Europe/Berlin").resets_at).toEqual(new Date("2026-07-15T22:00:00Z"))
  })

  it("should put an instant in another day in Kiritimati (UTC+14) and Pago Pago (UTC-11) than in UTC", () => {
    const at = new Date("2026-12-06T12:00:00Z")
    expect(periodOf("day", at, "Pacific/Kiritimati").start).toBe("2026-12-07")
    expect(periodOf("day", at, "UTC").start).toBe("2026-12-06")
    expect(periodOf("day", at, "Pacific/Pago_Pago").start).toBe("2026-12-06")
    expect(periodOf("day", new Date("2026-12-06T10:00:00Z"), "Pacific/Pago_Pago").start).toBe("2026-12-05")
  })

  it("should start weeks on Monday and months on the 1st, across a year end", () => {
    // Sunday 2026-12-06 in New York
    expect(periodOf("week", new Date("2026-12-07T03:00:00Z"), "America/New_York")).toEqual({
      start: "2026-11-30",
      resets_at: new Date("2026-12-07T05:00:00Z"),
    })
    expect(periodOf("month", new Date("2026-12-31T23:00:00Z"), "Asia/Tokyo")).toEqual({
      start: "2027-01-01",
      resets_at: new Date("2027-01-31T15:00:00Z"),
    })
  })

  it("should count a day that DST shortens or lengthens from midnight to midnight", () => {
    // New York springs forward on 2026-03-08 (23 hours) and falls back on 2026-11-01 (25 hours)
    expect(periodOf("day", new Date("2026-03-08T12:00:00Z"), "America/New_York").resets_at).toEqual(new Date("2026-03-09T04:00:00Z"))
    expect(periodOf("day", new Date("2026-11-01T12:00:00Z"), "America/New_York").resets_at).toEqual(new Date("2026-11-02T05:00:00Z"))
  })

  it("should hold for any instant, period and zone: the instant is in its period, the reset is the next period's first local midnight", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom(...USAGE_PERIODS),
        fc.constantFrom(...ZONES),
        (at, period, zone) => {
          const { start, resets_at } = periodOf(period, at, zone)
          expect(resets_at.getTime()).toBeGreaterThan(at.getTime())
          // the instant's own local date is in [start, next start)
          expect(localDate(at, zone) >= start).toBe(true)
          // the last moment before the reset is still this period; the reset itself is the next one
          expect(periodOf(period, new Date(resets_at.getTime() - 1), zone).start).toBe(start)
          const next = periodOf(period, resets_at, zone)
          expect(next.start > start).toBe(true)
          expect(localDate(resets_at, zone)).toBe(next.start)
        }
      ),
      { numRuns: 2_000 }
    )
  })
})

describe("isTimeZone", () => {
  it.each(["UTC", "Europe/Berlin", "Pacific/Kiritimati"])("should know %s", (zone) => {
    expect(isTimeZone(zone)).toBe(true)
  })

  it.each(["Mars/Olympus", "", "+02:00x"])("should refuse %p", (zone) => {
    expect(isTimeZone(zone)).toBe(false)
  })
})
