import { CHARSETS, CHARSET_NAMES, PatternSlot, parsePattern, patternFromParts, patternHasPlaceholder } from "../index"

describe("code patterns", () => {
  describe("CHARSETS", () => {
    it("should leave the misread characters 0, O, 1, I and L out of the unambiguous set", () => {
      for (const char of "0O1IL") {
        expect(CHARSETS.unambiguous).not.toContain(char)
      }
      expect(CHARSETS.unambiguous).toHaveLength(31)
    })

    it("should hold distinct upper-case letters and digits only", () => {
      for (const name of CHARSET_NAMES) {
        const chars = CHARSETS[name]
        expect(chars).toMatch(/^[A-Z0-9]+$/)
        expect(new Set(chars).size).toBe(chars.length)
      }
      expect([...CHARSET_NAMES].sort()).toEqual(["alphanumeric", "digits", "hex", "letters", "unambiguous"])
    })
  })

  describe("parsePattern", () => {
    it("should turn # into digits, ? into letters and * into the chosen charset", () => {
      expect(parsePattern("#?*", CHARSETS.hex)).toEqual<PatternSlot[]>([
        { alphabet: CHARSETS.digits },
        { alphabet: CHARSETS.letters },
        { alphabet: CHARSETS.hex },
      ])
    })

    it("should copy every other character as an upper-cased literal", () => {
      expect(parsePattern("ab-#", CHARSETS.unambiguous)).toEqual<PatternSlot[]>([
        { literal: "A" },
        { literal: "B" },
        { literal: "-" },
        { alphabet: CHARSETS.digits },
      ])
    })

    it("should give one slot per character", () => {
      expect(parsePattern("SUMMER-####-????", CHARSETS.unambiguous)).toHaveLength(16)
      expect(parsePattern("", CHARSETS.unambiguous)).toEqual([])
    })
  })

  describe("patternHasPlaceholder", () => {
    it.each(["#", "?", "*", "SUMMER-#", "A?B", "**X"])("should find a placeholder in %p", (pattern) => {
      expect(patternHasPlaceholder(pattern)).toBe(true)
    })

    it.each(["", "SUMMER", "SUMMER-10", "A_B"])("should find no placeholder in %p", (pattern) => {
      expect(patternHasPlaceholder(pattern)).toBe(false)
    })
  })

  describe("patternFromParts", () => {
    it("should put length random characters between prefix and suffix", () => {
      expect(patternFromParts({ prefix: "VIP-", suffix: "-X", length: 4 })).toBe("VIP-****-X")
    })

    it("should default prefix and suffix to nothing", () => {
      expect(patternFromParts({ length: 6 })).toBe("******")
    })

    it("should parse into literals around charset slots", () => {
      const slots = parsePattern(patternFromParts({ prefix: "VIP", length: 3 }), CHARSETS.letters)
      expect(slots).toEqual<PatternSlot[]>([
        { literal: "V" },
        { literal: "I" },
        { literal: "P" },
        { alphabet: CHARSETS.letters },
        { alphabet: CHARSETS.letters },
        { alphabet: CHARSETS.letters },
      ])
    })
  })
})
