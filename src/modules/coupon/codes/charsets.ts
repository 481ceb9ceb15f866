/**
 * Character sets for generated codes. The default leaves out characters that
 * shoppers misread when a code is printed or read aloud (0/O, 1/I/L).
 */
export const CHARSETS = {
  unambiguous: "ABCDEFGHJKMNPQRSTUVWXYZ23456789",
  alphanumeric: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
  letters: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  digits: "0123456789",
  hex: "0123456789ABCDEF",
} as const

export type CharsetName = keyof typeof CHARSETS

export const CHARSET_NAMES = Object.keys(CHARSETS) as CharsetName[]
