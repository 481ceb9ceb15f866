import type { TFunction } from "i18next"
import { useMemo } from "react"
import { getI18n, useTranslation } from "react-i18next"

/** The one i18next namespace of the coupon screens (src/admin/i18n/index.ts fills it). */
export const COUPONS_NS = "coupons"

/** A `t` of the coupons namespace: `t("list.heading")`, `t("list.codes", { count })`. */
export type CouponsT = TFunction<typeof COUPONS_NS>

/** What the formatters of admin/lib need to speak the admin's language: its `t` and its Intl locale. */
export type CouponsL10n = { t: CouponsT; locale: string | undefined }

/** The dashboard's language codes ("en", "de", "enGB", "ptBR") as BCP 47 tags for Intl ("en-GB"), as its own I18nProvider does. */
export const intlLocaleOf = (language: string | undefined) => language?.replace(/([a-z])([A-Z])/g, "$1-$2")

/**
 * The coupons namespace in the admin's language (the dashboard's own i18next
 * instance: cookie `lng`, then localStorage). `l10n` goes to the formatters:
 * `formatDiscount(coupon, l10n)`, `formatMoney(amount, currency, locale)`.
 */
export const useCouponsTranslation = () => {
  const { t, i18n } = useTranslation(COUPONS_NS)
  const locale = intlLocaleOf(i18n.language)
  const l10n = useMemo((): CouponsL10n => ({ t, locale }), [t, locale])
  return { t, i18n, locale, l10n }
}

/**
 * English, for callers that pass no `l10n` yet: the formatters keep the
 * wording they had before the screens were translated. The dashboard's
 * i18next holds the English texts already (react-i18next is shared with it).
 */
export const englishL10n = (): CouponsL10n => {
  const i18n = getI18n()
  const t = i18n ? i18n.getFixedT("en", COUPONS_NS) : (((key: string) => key) as unknown as CouponsT)
  return { t: t as CouponsT, locale: undefined }
}

/** The texts @medusajs/ui's DataTable draws itself: `<DataTable.Toolbar translations={toolbar}>`, `<DataTable.Pagination translations={pagination} />`. */
export const useDataTableTranslations = () => {
  const { t } = useTranslation(COUPONS_NS)
  return useMemo(
    () => ({
      toolbar: { clearAll: t("table.clearAll"), sort: t("table.sort") },
      pagination: { of: t("table.of"), results: t("table.results"), pages: t("table.pages"), prev: t("table.prev"), next: t("table.next") },
    }),
    [t]
  )
}
