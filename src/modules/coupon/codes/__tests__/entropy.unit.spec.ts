import { CHARSETS, GUESS_ODDS_FLOOR, PatternSlot, extraCharactersNeeded, guessOdds, parsePattern, patternSpaceLog10 } from "../index"

const withExtra = (slots: PatternSlot[], count: number, alphabet: string): PatternSlot[] => [
  ...slots,
  ...Array.from({ length: count }, () => ({ alphabet })),
]

describe("code entropy", () => {
  describe("patternSpaceLog10", () => {
    it("should add log10 of each placeholder's alphabet and ignore literals", () => {
      expect(patternSpaceLog10(parsePattern("SUMMER-####", CHARSETS.unambiguous))).toBe(4)
      expect(patternSpaceLog10(parsePattern("??", CHARSETS.unambiguous))).toBeCloseTo(Math.log10(26 * 26), 12)
      expect(patternSpaceLog10(parsePattern("X-***", CHARSETS.hex))).toBeCloseTo(Math.log10(16 ** 3), 12)
    })

    it("should be 0 for a pattern of literals only", () => {
      expect(patternSpaceLog10(parsePattern("SUMMER", CHARSETS.unambiguous))).toBe(0)
    })
  })

  describe("guessOdds", () => {
    it("should find #### with 100 live codes unsafe, one guess in 100", () => {
      expect(guessOdds(parsePattern("####", CHARSETS.unambiguous), 100)).toEqual({
        space_log10: 4,
        one_in: 100,
        safe: false,
      })
    })

    it("should find 12 characters of a 31-character charset with 1,000,000 codes safe", () => {
      const odds = guessOdds(parsePattern("*".repeat(12), CHARSETS.unambiguous), 1_000_000)
      expect(odds.safe).toBe(true)
      // 31^12 / 10^6 = 787,662,783,788.5...
      expect(odds.one_in).toBe(787_662_783_788)
      expect(odds.space_log10).toBeCloseTo(12 * Math.log10(31), 12)
    })

    it("should count one_in exactly for small spaces", () => {
      expect(guessOdds(parsePattern("*", CHARSETS.unambiguous), 1).one_in).toBe(31)
      expect(guessOdds(parsePattern("#", CHARSETS.unambiguous), 2).one_in).toBe(5)
      expect(guessOdds(parsePattern("???", CHARSETS.unambiguous), 1).one_in).toBe(17_576)
      expect(guessOdds(parsePattern("**", CHARSETS.alphanumeric), 3).one_in).toBe(432)
    })

    it("should still answer for a space beyond exact integers", () => {
      const odds = guessOdds(parsePattern("*".repeat(40), CHARSETS.alphanumeric), 10)
      expect(odds.safe).toBe(true)
      expect(odds.one_in).toBeGreaterThan(1e60)
      expect(Number.isFinite(odds.one_in)).toBe(true)
    })

    it("should treat 0 live codes like 1", () => {
      const slots = parsePattern("#####", CHARSETS.unambiguous)
      expect(guessOdds(slots, 0)).toEqual(guessOdds(slots, 1))
      expect(guessOdds(slots, 0).one_in).toBe(100_000)
    })

    it("should be safe exactly at odds of one in a million", () => {
      expect(GUESS_ODDS_FLOOR).toBe(1_000_000)
      expect(guessOdds(parsePattern("######", CHARSETS.unambiguous), 1).safe).toBe(true)
      expect(guessOdds(parsePattern("########", CHARSETS.unambiguous), 100).safe).toBe(true)
    })

    it("should be unsafe just under odds of one in a million", () => {
      expect(guessOdds(parsePattern("#####", CHARSETS.unambiguous), 1).safe).toBe(false)
      expect(guessOdds(parsePattern("########", CHARSETS.unambiguous), 101).safe).toBe(false)
    })

    it("should get less safe as live codes grow", () => {
      const slots = parsePattern("*".repeat(6), CHARSETS.unambiguous)
      expect(guessOdds(slots, 1).safe).toBe(true)
      expect(guessOdds(slots, 1000).safe).toBe(false)
      expect(guessOdds(slots, 1000).one_in).toBeLessThan(guessOdds(slots, 1).one_in)
    })
  })

  describe("extraCharactersNeeded", () => {
    it("should be 0 for a pattern that is already safe", () => {
      expect(extraCharactersNeeded(parsePattern("*".repeat(12), CHARSETS.unambiguous), 1_000_000, 31)).toBe(0)
      expect(extraCharactersNeeded(parsePattern("######", CHARSETS.unambiguous), 1, 10)).toBe(0)
    })

    it("should ask for 4 more digits for #### with 100 live codes", () => {
      expect(extraCharactersNeeded(parsePattern("####", CHARSETS.unambiguous), 100, 10)).toBe(4)
    })

    const cases: [string, string, number, string][] = [
      ["####", "unambiguous", 100, "unambiguous"],
      ["####", "digits", 100, "digits"],
      ["SUMMER-####", "unambiguous", 5_000, "unambiguous"],
      ["??", "letters", 250_000, "letters"],
      ["***", "hex", 1, "hex"],
      ["*", "alphanumeric", 12_345, "alphanumeric"],
      ["SUMMER", "unambiguous", 1, "unambiguous"],
      ["SUMMER", "unambiguous", 1_000_000, "digits"],
      ["#?*", "unambiguous", 99_999, "letters"],
    ]

    it.each(cases)(
      "should make %p (%s) with %d live codes safe with that many %s characters, and no fewer",
      (pattern, charsetName, liveCodes, extraName) => {
        const slots = parsePattern(pattern, CHARSETS[charsetName as keyof typeof CHARSETS])
        const alphabet = CHARSETS[extraName as keyof typeof CHARSETS]
        expect(guessOdds(slots, liveCodes).safe).toBe(false)

        const extra = extraCharactersNeeded(slots, liveCodes, alphabet.length)
        expect(extra).toBeGreaterThan(0)
        expect(guessOdds(withExtra(slots, extra, alphabet), liveCodes).safe).toBe(true)
        expect(guessOdds(withExtra(slots, extra - 1, alphabet), liveCodes).safe).toBe(false)
      }
    )

    it("should make a pattern safe when that many * of the pattern's charset are appended to it", () => {
      const pattern = "SUMMER-##"
      const liveCodes = 20_000
      const extra = extraCharactersNeeded(parsePattern(pattern, CHARSETS.unambiguous), liveCodes, 31)
      expect(guessOdds(parsePattern(pattern + "*".repeat(extra), CHARSETS.unambiguous), liveCodes).safe).toBe(true)
      expect(guessOdds(parsePattern(pattern + "*".repeat(extra - 1), CHARSETS.unambiguous), liveCodes).safe).toBe(false)
    })
  })
})
