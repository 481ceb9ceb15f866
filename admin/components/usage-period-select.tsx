import { Select } from "@medusajs/ui"
import type { Control } from "react-hook-form"
import { Controller } from "react-hook-form"
import { englishL10n, useCouponsTranslation, type CouponsL10n } from "../lib/i18n"
import { formatNumber } from "../lib/format"

/** A limit counts in total or per calendar period (the store's `time_zone`). */
export type UsagePeriodValue = "total" | "day" | "week" | "month"

const PERIODS: UsagePeriodValue[] = ["total", "day", "week", "month"]

/** English only, for screens not translated yet: use `t(\`period.${value}\`)`. */
export const USAGE_PERIOD_LABELS: Record<UsagePeriodValue, string> = {
  total: "in total",
  day: "per day",
  week: "per week",
  month: "per month",
}

/** The form's value as the API's period field: null counts in total. */
export const periodOfValue = (value: UsagePeriodValue) => (value === "total" ? null : value)
export const valueOfPeriod = (period: string | null | undefined): UsagePeriodValue => (period as UsagePeriodValue | null) ?? "total"

/** "10 per day", "unlimited": a limit with its period, as the detail page shows it. */
export const formatLimit = (limit: number | null, period: string | null | undefined, { t, locale }: CouponsL10n = englishL10n()) =>
  limit === null
    ? t("limit.unlimited")
    : period
      ? t("limit.withPeriod", { limit: formatNumber(limit, locale), period: t(`period.${valueOfPeriod(period)}`) })
      : formatNumber(limit, locale)

/** The period select beside a limit's number input. */
export const UsagePeriodSelect = ({ id, name, control }: { id: string; name: string; control: Control<never> }) => {
  const { t } = useCouponsTranslation()
  return (
    <Controller
      control={control}
      name={name as never}
      render={({ field: { value, onChange } }) => (
        <Select value={value} onValueChange={onChange}>
          <Select.Trigger id={id} className="w-36 shrink-0" aria-label={t("period.label")}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {PERIODS.map((period) => (
              <Select.Item key={period} value={period}>
                {t(`period.${period}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      )}
    />
  )
}
