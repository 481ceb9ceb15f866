import { Text } from "@medusajs/ui"
import { CHARSETS } from "../../src/modules/coupon/codes/charsets"
import { extraCharactersNeeded, guessOdds } from "../../src/modules/coupon/codes/entropy"
import { parsePattern, patternHasPlaceholder } from "../../src/modules/coupon/codes/pattern"

/** Live estimate of how guessable generated codes are, with the same arithmetic as the server's guard. */
export const GuessOddsHint = ({ pattern, count }: { pattern: string; count: number }) => {
  if (!pattern || !patternHasPlaceholder(pattern) || !(count > 0)) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        # digit, ? letter, * letter or digit
      </Text>
    )
  }
  const slots = parsePattern(pattern, CHARSETS.unambiguous)
  const odds = guessOdds(slots, count)
  const extra = extraCharactersNeeded(slots, count, CHARSETS.unambiguous.length)
  return (
    <Text size="small" className={odds.safe ? "text-ui-fg-subtle" : "text-ui-fg-error"} aria-live="polite">
      {odds.safe
        ? `A random guess hits a live code 1 in ${odds.one_in.toLocaleString()} times.`
        : `Too guessable: 1 in ${odds.one_in.toLocaleString()}. Add ${extra} more * to the pattern.`}
    </Text>
  )
}
