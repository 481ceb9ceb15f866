import { parseCodeImport } from "../parse-code-import"

describe("parseCodeImport", () => {
  it("should read rows with optional columns and normalize them", () => {
    const { rows, errors } = parseCodeImport(
      "code,usage_limit,expires_at,assigned_email,status\n abc-1 ,2,2031-01-01T00:00:00Z,A@B.io,disabled\nabc-2,,,,\n"
    )
    expect(errors).toEqual([])
    expect(rows).toEqual([
      {
        line: 2,
        code: "ABC-1",
        usage_limit: 2,
        expires_at: new Date("2031-01-01T00:00:00Z"),
        assigned_email: "a@b.io",
        status: "disabled",
      },
      { line: 3, code: "ABC-2", usage_limit: null, expires_at: null, assigned_email: null, status: "active" },
    ])
  })

  it("should accept an export's extra columns and name each bad row by its line", () => {
    const csv =
      "code,status,usage_count,usage_limit,expires_at,batch_id,assigned_email\nOK-1,active,3,,,cpnbatch_1,\nok-1,active,0,,,,\nA B,active,0,-1,,,\n"
    const { rows, errors } = parseCodeImport(csv)
    expect(rows.map((row) => row.code)).toEqual(["OK-1"])
    expect(errors).toEqual([
      { line: 3, code: "OK-1", error: "duplicate in file: the same code is on line 2" },
      { line: 4, code: "A B", error: expect.stringContaining("code is not valid") },
      { line: 4, code: "A B", error: expect.stringContaining("usage_limit") },
    ])
  })

  it("should strip an export's formula guard and keep everything else as written", () => {
    const { rows, errors } = parseCodeImport("code,usage_limit,assigned_email\nF-1,2,'=x@y.io\nF-2,,''+q@y.io\nF-3,,'plain@y.io\n")
    expect(errors).toEqual([])
    expect(rows.map((row) => row.assigned_email)).toEqual(["=x@y.io", "'+q@y.io", "'plain@y.io"])
  })

  it("should refuse expiry dates outside years 1 to 9999", () => {
    const { rows, errors } = parseCodeImport("code,expires_at\nD-1,99999-01-01\nD-2,+010000-01-01T00:00:00Z\nD-3,9999-12-31T23:59:59Z\n")
    expect(rows.map((row) => row.code)).toEqual(["D-3"])
    expect(errors).toEqual([
      { line: 2, code: "D-1", error: expect.stringContaining("between the years 1 and 9999") },
      { line: 3, code: "D-2", error: expect.stringContaining("between the years 1 and 9999") },
    ])
  })

  it("should refuse a header without code, unknown columns, malformed CSV and empty files", () => {
    expect(parseCodeImport("name\nx\n").errors[0].error).toContain('"code" column')
    expect(parseCodeImport("code,colour\nx,y\n").errors[0].error).toContain("unknown column: colour")
    expect(parseCodeImport('code\n"ABC\n').errors[0].error).toContain("not valid CSV")
    expect(parseCodeImport("code\n").errors[0].error).toContain("no codes")
  })
})
