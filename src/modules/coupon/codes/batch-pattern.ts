import { CHARSETS, CharsetName } from "./charsets"
import { extraCharactersNeeded, guessOdds, GUESS_ODDS_FLOOR } from "./entropy"
import { CODE_FORMAT, MAX_CODE_LENGTH, MIN_CODE_LENGTH } from "./normalize"
import { parsePattern, patternFromParts, patternHasPlaceholder, PatternSlot } from "./pattern"

/** What an admin may ask of a batch's codes; the plugin options fill the rest. */
export type BatchCodeShape = {
  pattern?: string
  prefix?: string
  suffix?: string
  length?: number
  charset?: CharsetName
}

export type CodeDefaults = {
  code_format: "alphanumeric" | "uuid" | "pattern"
  code_length: number
  code_pattern?: string
  code_charset: string
}

export type ResolvedBatchPattern = { pattern: string; charset: CharsetName; slots: PatternSlot[] }

const UUID_PATTERN = "********-****-****-****-************"

/**
 * The one pattern a batch's codes are drawn from: the request's pattern or
 * prefix + length random characters + suffix, else the plugin's code format.
 */
export const resolveBatchPattern = (shape: BatchCodeShape, defaults: CodeDefaults): ResolvedBatchPattern => {
  const prefix = (shape.prefix ?? "").toUpperCase()
  const suffix = (shape.suffix ?? "").toUpperCase()
  let body: string
  let charset = shape.charset ?? (defaults.code_charset as CharsetName)
  if (shape.pattern) {
    body = shape.pattern
  } else if (shape.length) {
    body = patternFromParts({ length: shape.length })
  } else if (defaults.code_format === "pattern" && defaults.code_pattern) {
    body = defaults.code_pattern
  } else if (defaults.code_format === "uuid") {
    body = UUID_PATTERN
    charset = shape.charset ?? "hex"
  } else {
    body = patternFromParts({ length: defaults.code_length })
  }
  const pattern = `${prefix}${body}${suffix}`
  return { pattern, charset, slots: parsePattern(pattern, CHARSETS[charset]) }
}

/** Why codes of this pattern could not be stored (format of the code column), or null. */
export const batchPatternProblem = (pattern: string): string | null => {
  if (!patternHasPlaceholder(pattern)) {
    return `pattern "${pattern}" needs at least one placeholder (# digit, ? letter, * any character of the charset)`
  }
  if (pattern.length < MIN_CODE_LENGTH || pattern.length > MAX_CODE_LENGTH) {
    return `pattern "${pattern}" makes codes of ${pattern.length} characters; codes have ${MIN_CODE_LENGTH} to ${MAX_CODE_LENGTH}`
  }
  if (!CODE_FORMAT.test(pattern.toUpperCase().replace(/[#?*]/g, "A"))) {
    return `pattern "${pattern}" must start and end with a letter, a digit or a placeholder, and contain only letters, digits, - and _ besides the placeholders`
  }
  return null
}

const formatCount = (value: number) =>
  Number.isFinite(value) && value < 1e15 ? Math.max(0, Math.floor(value)).toLocaleString("en-US") : value.toExponential(2)

/**
 * Refuses a pattern whose space is under count × 1,000,000: a shopper trying
 * random codes would hit one of the batch with better odds than one in a
 * million. The message states the odds and how many characters to add.
 */
export const batchEntropyProblem = ({ pattern, charset, slots }: ResolvedBatchPattern, count: number): string | null => {
  const odds = guessOdds(slots, count)
  if (odds.safe) {
    return null
  }
  const extra = extraCharactersNeeded(slots, count, CHARSETS[charset].length)
  const longer = `${pattern}${"*".repeat(extra)}`
  const space = 10 ** odds.space_log10
  const chance = odds.one_in >= 1 ? `1 in ${formatCount(odds.one_in)}` : "better than 1 in 1"
  return (
    `pattern "${pattern}" is too easy to guess for ${formatCount(count)} codes: it makes ${formatCount(space)} possible codes, ` +
    `so a random guess would hit a live code ${chance} (at least 1 in ${formatCount(GUESS_ODDS_FLOOR)} is required). ` +
    `Use a longer pattern: add ${extra} more random character${extra === 1 ? "" : "s"}, e.g. "${longer}" with the ${charset} charset.`
  )
}
