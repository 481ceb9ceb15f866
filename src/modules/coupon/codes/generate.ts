import { randomInt } from "crypto"
import { PatternSlot } from "./pattern"

/** One code from a parsed pattern, drawn from the OS's cryptographic source. */
export const generateCode = (slots: PatternSlot[]): string => {
  let code = ""
  for (const slot of slots) {
    code += "literal" in slot ? slot.literal : slot.alphabet[randomInt(slot.alphabet.length)]
  }
  return code
}

/** `count` distinct codes; the caller still checks them against the store. */
export const generateDistinctCodes = (slots: PatternSlot[], count: number): string[] => {
  const codes = new Set<string>()
  // bounded so that an exhausted pattern space cannot spin forever
  let attempts = 0
  const maxAttempts = count * 20 + 100
  while (codes.size < count && attempts < maxAttempts) {
    codes.add(generateCode(slots))
    attempts++
  }
  return [...codes]
}
