import { dateToLocalInput, isoToLocalInput, localInputToDate, localInputToIso } from "../../../admin/lib/dates"

// the conversions to and from UTC in other zones are walked in chromium (integration-tests/e2e/admin-dates)
describe("admin date fields", () => {
  it("should keep the stored seconds of an untouched field", () => {
    const original = "2027-07-04T13:30:42.123Z"
    expect(localInputToIso(isoToLocalInput(original), original)).toBe(original)
  })

  // typing "2027" into the picker's year passes through the years 2, 20 and 202: each must
  // come back as the same date, or the picker is cleared mid-typing and loses month and day
  it.each([2, 20, 202, 2027])("should round-trip the picker's date in the year %i", (year) => {
    const typed = new Date(2000, 0, 1)
    typed.setFullYear(year, 11, 24)
    typed.setHours(18, 15, 0, 0)
    const value = dateToLocalInput(typed)
    expect(value).toBe(`${String(year).padStart(4, "0")}-12-24T18:15`)
    expect(localInputToDate(value)?.getTime()).toBe(typed.getTime())
  })

  it("should read an empty or malformed field as no date", () => {
    expect(localInputToDate("")).toBeNull()
    expect(localInputToDate("2027-13-45")).toBeNull()
    expect(localInputToDate("2027-13-45T10:00")).toBeNull()
    expect(localInputToDate("2027-02-30T10:00")).toBeNull()
    expect(dateToLocalInput(null)).toBe("")
    expect(localInputToIso("")).toBeNull()
  })
})
