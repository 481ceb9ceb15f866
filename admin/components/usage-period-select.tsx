import { Select } from "@medusajs/ui"
import type { Control } from "react-hook-form"
import { Controller } from "react-hook-form"

/** A limit counts in total or per calendar period (the store's `time_zone`). */
export type UsagePeriodValue = "total" | "day" | "week" | "month"

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
export const formatLimit = (limit: number | null, period: string | null | undefined) =>
  limit === null ? "unlimited" : period ? `${limit} ${USAGE_PERIOD_LABELS[valueOfPeriod(period)]}` : String(limit)

/** The period select beside a limit's number input. */
export const UsagePeriodSelect = ({ id, name, control }: { id: string; name: string; control: Control<never> }) => (
  <Controller
    control={control}
    name={name as never}
    render={({ field: { value, onChange } }) => (
      <Select value={value} onValueChange={onChange}>
        <Select.Trigger id={id} className="w-36 shrink-0" aria-label="Counted">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {(Object.keys(USAGE_PERIOD_LABELS) as UsagePeriodValue[]).map((period) => (
            <Select.Item key={period} value={period}>
              {USAGE_PERIOD_LABELS[period]}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    )}
  />
)
