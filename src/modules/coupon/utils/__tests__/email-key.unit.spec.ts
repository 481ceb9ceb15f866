import { normalizeEmailKey } from "../email-key"

const aliases = { aliases: true }

describe("normalizeEmailKey", () => {
  it("should trim and lower-case every address", () => {
    expect(normalizeEmailKey("  Name@Example.COM ", aliases)).toBe("name@example.com")
    expect(normalizeEmailKey("  Name+X@Example.COM ", { aliases: false })).toBe("name+x@example.com")
  })

  it("should drop a +tag from the local part at any domain", () => {
    expect(normalizeEmailKey("name+x@example.com", aliases)).toBe("name@example.com")
    expect(normalizeEmailKey("name+x+y@example.com", aliases)).toBe("name@example.com")
  })

  it("should drop dots only at gmail.com and googlemail.com, and read googlemail.com as gmail.com", () => {
    expect(normalizeEmailKey("a.b.c@gmail.com", aliases)).toBe("abc@gmail.com")
    expect(normalizeEmailKey("A.+promo@GoogleMail.com", aliases)).toBe("a@gmail.com")
    expect(normalizeEmailKey("a.b@example.com", aliases)).toBe("a.b@example.com")
    expect(normalizeEmailKey("a.b@mail.gmail.com", aliases)).toBe("a.b@mail.gmail.com")
  })

  it("should keep what would be left empty", () => {
    expect(normalizeEmailKey("+x@example.com", aliases)).toBe("+x@example.com")
    expect(normalizeEmailKey("...@gmail.com", aliases)).toBe("...@gmail.com")
  })

  it("should leave a value without a local part and domain as it is, lower-cased", () => {
    expect(normalizeEmailKey("Not-An-Email", aliases)).toBe("not-an-email")
    expect(normalizeEmailKey("@gmail.com", aliases)).toBe("@gmail.com")
  })

  it("should use the last @ as the separator", () => {
    expect(normalizeEmailKey('"a@b"+x@gmail.com', aliases)).toBe('"a@b"@gmail.com')
  })
})
