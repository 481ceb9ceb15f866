import { Text } from "@medusajs/ui"
import { formatNumber } from "../lib/format"
import { useCouponsTranslation } from "../lib/i18n"

type Day = { date: string; value: number }

const HEIGHT = 160
const LABELS = 6
const AXIS_DAY: Intl.DateTimeFormatOptions = { month: "2-digit", day: "2-digit" }
const TITLE_DAY: Intl.DateTimeFormatOptions = { dateStyle: "medium" }

/** A "YYYY-MM-DD" day (a calendar day, no time zone) in the admin's language. */
const dayOf = (date: string, locale: string | undefined, options: Intl.DateTimeFormatOptions) => {
  const [year, month, day] = date.split("-").map(Number)
  return new Date(year, month - 1, day).toLocaleDateString(locale, options)
}

/**
 * A bar a day, drawn as SVG: the one chart the coupon screens need, without a
 * charting library in the dashboard's bundle (a host's admin build bundles
 * whatever an extension imports). Each bar names its day and count on hover
 * (SVG <title>), and the axis shows the highest count.
 */
export const DailyBarChart = ({ days, label }: { days: Day[]; label: string }) => {
  const { locale } = useCouponsTranslation()
  const max = Math.max(1, ...days.map((day) => day.value))
  const slot = 100 / Math.max(days.length, 1)
  const every = Math.max(1, Math.ceil(days.length / LABELS))
  return (
    <div className="flex h-full flex-col">
      <div className="flex min-h-0 flex-1 gap-x-2">
        <div className="flex w-7 flex-col justify-between text-right" aria-hidden>
          <Text size="xsmall" className="text-ui-fg-muted">
            {formatNumber(max, locale)}
          </Text>
          <Text size="xsmall" className="text-ui-fg-muted">
            0
          </Text>
        </div>
        <svg role="img" aria-label={label} className="h-full w-full" viewBox={`0 0 100 ${HEIGHT}`} preserveAspectRatio="none">
          <line
            x1="0"
            x2="100"
            y1={HEIGHT - 0.5}
            y2={HEIGHT - 0.5}
            stroke="currentColor"
            strokeOpacity="0.2"
            vectorEffect="non-scaling-stroke"
          />
          {days.map((day, index) => {
            const height = (day.value / max) * (HEIGHT - 4)
            return (
              <rect
                key={day.date}
                data-bar={day.date}
                x={index * slot + slot * 0.15}
                width={Math.min(slot * 0.7, 4)}
                y={HEIGHT - height}
                height={height}
                rx="0.6"
                fill="#3b82f6"
              >
                <title>{`${dayOf(day.date, locale, TITLE_DAY)}: ${formatNumber(day.value, locale)}`}</title>
              </rect>
            )
          })}
        </svg>
      </div>
      <div className="relative ml-9 h-5" style={{ marginTop: 2 }} aria-hidden>
        {days.map((day, index) =>
          index % every === 0 ? (
            <Text key={day.date} size="xsmall" className="text-ui-fg-muted absolute" style={{ left: `${index * slot}%` }}>
              {dayOf(day.date, locale, AXIS_DAY)}
            </Text>
          ) : null
        )}
      </div>
    </div>
  )
}
