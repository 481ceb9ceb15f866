import { CHARSETS, CHARSET_NAMES, codeFormatProblem, generateCode, generateDistinctCodes, parsePattern, patternFromParts } from "../index"

describe("code generation", () => {
  describe("generateCode", () => {
    it("should fill SUMMER-####-???? with digits and letters", () => {
      const slots = parsePattern("SUMMER-####-????", CHARSETS.unambiguous)
      for (let i = 0; i < 200; i++) {
        expect(generateCode(slots)).toMatch(/^SUMMER-\d{4}-[A-Z]{4}$/)
      }
    })

    it("should upper-case literal characters of a lower-case pattern", () => {
      const slots = parsePattern("vip-##", CHARSETS.unambiguous)
      expect(generateCode(slots)).toMatch(/^VIP-\d{2}$/)
    })

    it.each(CHARSET_NAMES)("should only draw characters of the %s charset for *", (name) => {
      const charset = CHARSETS[name]
      const slots = parsePattern("********", charset)
      for (let i = 0; i < 200; i++) {
        const code = generateCode(slots)
        expect(code).toHaveLength(8)
        for (const char of code) {
          expect(charset).toContain(char)
        }
      }
    })

    it("should never draw 0, O, 1, I or L from the unambiguous charset", () => {
      const slots = parsePattern("*".repeat(64), CHARSETS.unambiguous)
      for (let i = 0; i < 50; i++) {
        expect(generateCode(slots)).not.toMatch(/[0O1IL]/)
      }
    })

    it("should reach every character of the alphabet, the last one included", () => {
      const slots = parsePattern("#", CHARSETS.unambiguous)
      const seen = new Set<string>()
      for (let i = 0; i < 2000; i++) {
        seen.add(generateCode(slots))
      }
      expect([...seen].sort().join("")).toBe(CHARSETS.digits)
    })

    it("should give a well-formed code for an alphanumeric pattern", () => {
      const slots = parsePattern(patternFromParts({ prefix: "WELCOME-", length: 10 }), CHARSETS.unambiguous)
      const code = generateCode(slots)
      expect(code).toMatch(/^WELCOME-[A-HJKMNP-Z2-9]{10}$/)
      expect(codeFormatProblem(code)).toBeNull()
    })

    it("should return the literal for a pattern without placeholders", () => {
      expect(generateCode(parsePattern("SUMMER", CHARSETS.unambiguous))).toBe("SUMMER")
    })

    it("should not repeat itself across draws of a large pattern space", () => {
      const slots = parsePattern("*".repeat(12), CHARSETS.unambiguous)
      const codes = new Set(Array.from({ length: 1000 }, () => generateCode(slots)))
      expect(codes.size).toBe(1000)
    })
  })

  describe("generateDistinctCodes", () => {
    it("should return count distinct codes of the pattern", () => {
      const slots = parsePattern("SUMMER-####-????", CHARSETS.unambiguous)
      const codes = generateDistinctCodes(slots, 500)
      expect(codes).toHaveLength(500)
      expect(new Set(codes).size).toBe(500)
      for (const code of codes) {
        expect(code).toMatch(/^SUMMER-\d{4}-[A-Z]{4}$/)
      }
    })

    it("should fill a pattern space exactly as large as the count", () => {
      const codes = generateDistinctCodes(parsePattern("##", CHARSETS.unambiguous), 100)
      expect(codes).toHaveLength(100)
      expect(new Set(codes).size).toBe(100)
    })

    it("should stop at the size of a pattern space smaller than the count", () => {
      const codes = generateDistinctCodes(parsePattern("#", CHARSETS.unambiguous), 50)
      expect(codes.length).toBeLessThanOrEqual(10)
      // 1,100 draws of 10 digits miss one with odds of about 1e-49
      expect([...codes].sort()).toEqual([..."0123456789"])
    })

    it("should stop with one code for a pattern without placeholders", () => {
      expect(generateDistinctCodes(parsePattern("SUMMER", CHARSETS.unambiguous), 1000)).toEqual(["SUMMER"])
    })

    it("should return nothing for a count of 0", () => {
      expect(generateDistinctCodes(parsePattern("****", CHARSETS.unambiguous), 0)).toEqual([])
    })
  })
})
