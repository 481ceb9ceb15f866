import { CHARSETS } from "./charsets"

/**
 * Pattern placeholders: `#` a digit, `?` a letter, `*` a character of the
 * chosen charset. Every other character is copied as is ("SUMMER-####-????").
 */
export type PatternSlot = { literal: string } | { alphabet: string }

export const PLACEHOLDERS: Record<string, (charset: string) => string> = {
  "#": () => CHARSETS.digits,
  "?": () => CHARSETS.letters,
  "*": (charset) => charset,
}

export const parsePattern = (pattern: string, charset: string): PatternSlot[] =>
  [...pattern].map((char) => (PLACEHOLDERS[char] ? { alphabet: PLACEHOLDERS[char](charset) } : { literal: char.toUpperCase() }))

export const patternHasPlaceholder = (pattern: string): boolean => [...pattern].some((char) => char in PLACEHOLDERS)

/** The pattern equivalent of "prefix + length random characters + suffix". */
export const patternFromParts = ({ prefix = "", suffix = "", length }: { prefix?: string; suffix?: string; length: number }): string =>
  `${prefix}${"*".repeat(length)}${suffix}`
