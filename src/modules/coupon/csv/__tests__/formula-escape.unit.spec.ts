import fc from "fast-check"
import { escapeCsvCell, unescapeCsvCell } from "../formula-escape"

describe("escapeCsvCell", () => {
  it.each([
    '=HYPERLINK("http://x")@x.com',
    "+1-555@x.com",
    "-cmd|' /C calc'!A0",
    "@SUM(A1)",
    "\tx",
    "\rx",
    "-2+3",
    "＝1+1",
    "＋x",
    "－x",
    "＠x",
    "-",
    "+5",
  ])("should prefix %j with a quote", (value) => {
    expect(escapeCsvCell(value)).toBe(`'${value}`)
  })

  it.each(["VIP-1", "vip@example.com", "", "0", "-5", "-12.50", "a=b", "cart_01", "2031-05-01T10:00:00.000Z", "'plain"])(
    "should leave %j as it is",
    (value) => {
      expect(escapeCsvCell(value)).toBe(value)
    }
  )

  it("should add one more quote to a value that already looks escaped, so the import gives it back", () => {
    expect(escapeCsvCell("'=x")).toBe("''=x")
    expect(escapeCsvCell("''")).toBe("'''")
    expect(unescapeCsvCell("''=x")).toBe("'=x")
  })
})

describe("unescapeCsvCell", () => {
  it("should strip the export's quote before a formula start and nothing else", () => {
    expect(unescapeCsvCell("'=1+1")).toBe("=1+1")
    expect(unescapeCsvCell("'-x@example.com")).toBe("-x@example.com")
    expect(unescapeCsvCell("'\tx")).toBe("\tx")
    expect(unescapeCsvCell("'abc")).toBe("'abc")
    expect(unescapeCsvCell("-5")).toBe("-5")
    expect(unescapeCsvCell("=1+1")).toBe("=1+1")
  })

  it("should give back every value an export wrote", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc
        .tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "''", "＝", "－"), fc.string({ maxLength: 6 }))
        .map(([start, rest]) => start + rest)
    )
    fc.assert(
      fc.property(text, (value) => {
        const exported = escapeCsvCell(value)
        expect(unescapeCsvCell(exported)).toBe(value)
        // what a spreadsheet would run is always behind a quote
        if (/^[=+@\t\r＝＋－＠]/.test(exported) || (exported.startsWith("-") && !/^-\d+(\.\d+)?$/.test(exported))) {
          throw new Error(`formula left open: ${JSON.stringify(exported)}`)
        }
      }),
      { numRuns: 2000, seed: 42 }
    )
  })
})
