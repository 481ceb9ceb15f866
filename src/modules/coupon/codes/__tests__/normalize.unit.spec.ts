import { MAX_CODE_LENGTH, MIN_CODE_LENGTH, codeFormatProblem, isWellFormedCode, normalizeCode } from "../index"

describe("code normalization", () => {
  describe("normalizeCode", () => {
    it("should trim surrounding whitespace", () => {
      expect(normalizeCode("  SUMMER-10 \t\n")).toBe("SUMMER-10")
    })

    it("should upper-case letters", () => {
      expect(normalizeCode("summer-10")).toBe("SUMMER-10")
      expect(normalizeCode("Summer_Sale")).toBe("SUMMER_SALE")
    })

    it("should give the same code for the spellings a shopper may type", () => {
      const spellings = ["summer-10 ", "Summer-10", "SUMMER-10", " sUmMeR-10"]
      expect(new Set(spellings.map(normalizeCode))).toEqual(new Set(["SUMMER-10"]))
    })

    it("should fold full-width letters, digits and dash (NFKC)", () => {
      expect(normalizeCode("ｓｕｍｍｅｒ－１０")).toBe("SUMMER-10")
      expect(normalizeCode("ＳＵＭＭＥＲ１０")).toBe("SUMMER10")
    })

    it("should trim a full-width (ideographic) space", () => {
      expect(normalizeCode("\u3000summer10\u3000")).toBe("SUMMER10")
    })

    it("should fold compatibility ligatures", () => {
      expect(normalizeCode("\uFB01ve")).toBe("FIVE")
    })

    it("should keep inner spaces, so the code stays malformed rather than changing meaning", () => {
      expect(normalizeCode("summer 10")).toBe("SUMMER 10")
    })

    it("should be idempotent", () => {
      for (const raw of ["  ｓｕｍｍｅｒ－１０ ", "abc", "x_y-z"]) {
        expect(normalizeCode(normalizeCode(raw))).toBe(normalizeCode(raw))
      }
    })
  })

  describe("codeFormatProblem", () => {
    it("should accept well-formed codes", () => {
      for (const code of ["SUMMER-10", "ABC", "A_B", "2025", "A-B-C_D"]) {
        expect(codeFormatProblem(code)).toBeNull()
        expect(isWellFormedCode(code)).toBe(true)
      }
    })

    it("should report an empty code", () => {
      expect(codeFormatProblem("")).toBe("empty")
    })

    it("should report a code shorter than the minimum", () => {
      expect(MIN_CODE_LENGTH).toBe(3)
      expect(codeFormatProblem("A")).toBe("too_short")
      expect(codeFormatProblem("AB")).toBe("too_short")
      expect(codeFormatProblem("ABC")).toBeNull()
    })

    it("should report a code longer than the maximum", () => {
      expect(MAX_CODE_LENGTH).toBe(64)
      expect(codeFormatProblem("A".repeat(64))).toBeNull()
      expect(codeFormatProblem("A".repeat(65))).toBe("too_long")
    })

    it.each(["-SUMMER", "SUMMER-", "_SUMMER", "SUMMER_", "-A-"])("should refuse the leading or trailing separator in %p", (code) => {
      expect(codeFormatProblem(code)).toBe("bad_characters")
    })

    it.each(["SUMMER 10", "SUMMER!", "SUM.MER", "ÉTÉ-10", "summer", "SUMMER\n10", "A€B"])("should report bad characters in %p", (code) => {
      expect(codeFormatProblem(code)).toBe("bad_characters")
      expect(isWellFormedCode(code)).toBe(false)
    })

    it("should accept a full-width code once normalized, and not before", () => {
      expect(codeFormatProblem("ｓｕｍｍｅｒ－１０")).toBe("bad_characters")
      expect(codeFormatProblem(normalizeCode("ｓｕｍｍｅｒ－１０"))).toBeNull()
    })
  })
})
