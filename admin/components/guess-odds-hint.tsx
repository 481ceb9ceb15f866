import { Text } from "@medusajs/ui"
import { CHARSETS } from "../../src/modules/coupon/codes/charsets"
import { extraCharactersNeeded, guessOdds } from "../../src/modules/coupon/codes/entropy"
import { parsePattern, patternHasPlaceholder } from "../../src/modules/coupon/codes/pattern"
import { formatNumber } from "../lib/format"
import { useCouponsTranslation } from "../lib/i18n"

/** Live estimate of how guessable generated codes are, with the same arithmetic as the server's guard. */
export const GuessOddsHint = ({ pattern, count }: { pattern: string; count: number }) => {
  const { t, locale } = useCouponsTranslation()
  if (!pattern || !patternHasPlaceholder(pattern) || !(count > 0)) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {t("guessOdds.syntax")}
      </Text>
    )
  }
  const slots = parsePattern(pattern, CHARSETS.unambiguous)
  const odds = guessOdds(slots, count)
  const extra = extraCharactersNeeded(slots, count, CHARSETS.unambiguous.length)
  return (
    <Text size="small" className={odds.safe ? "text-ui-fg-subtle" : "text-ui-fg-error"} aria-live="polite">
      {odds.safe
        ? t("guessOdds.safe", { odds: formatNumber(odds.one_in, locale) })
        : t("guessOdds.unsafe", { odds: formatNumber(odds.one_in, locale), extra })}
    </Text>
  )
}
