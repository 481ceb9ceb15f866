import { PatternSlot } from "./pattern"

/**
 * A batch is guessable when a shopper trying random codes of the pattern hits
 * a live one with odds better than one in a million per try.
 */
export const GUESS_ODDS_FLOOR = 1_000_000

/** log10 of the number of distinct codes a pattern can produce. */
export const patternSpaceLog10 = (slots: PatternSlot[]): number =>
  slots.reduce((sum, slot) => ("alphabet" in slot ? sum + Math.log10(slot.alphabet.length) : sum), 0)

export type GuessOdds = {
  /** log10 of the pattern space */
  space_log10: number
  /** one try in `one_in` guesses a live code */
  one_in: number
  safe: boolean
}

export const guessOdds = (slots: PatternSlot[], liveCodes: number): GuessOdds => {
  const spaceLog10 = patternSpaceLog10(slots)
  const oddsLog10 = spaceLog10 - Math.log10(Math.max(1, liveCodes))
  // 10 ** log10(31) is 30.999..., so count exactly while the space fits a safe integer
  const space = slots.reduce((size, slot) => ("alphabet" in slot ? size * slot.alphabet.length : size), 1)
  return {
    space_log10: spaceLog10,
    one_in: Number.isSafeInteger(space) ? Math.floor(space / Math.max(1, liveCodes)) : Math.floor(10 ** oddsLog10),
    // compare in log space: 36^20 overflows nothing, but 10^300 would
    safe: oddsLog10 >= Math.log10(GUESS_ODDS_FLOOR),
  }
}

/** How many more random characters of an alphabet make the odds safe. */
export const extraCharactersNeeded = (slots: PatternSlot[], liveCodes: number, alphabetSize: number): number => {
  const missing = Math.log10(GUESS_ODDS_FLOOR) + Math.log10(Math.max(1, liveCodes)) - patternSpaceLog10(slots)
  return missing <= 0 ? 0 : Math.ceil(missing / Math.log10(alphabetSize))
}
