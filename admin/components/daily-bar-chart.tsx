import { Text } from "@medusajs/ui"

type Day = { date: string; value: number }

const HEIGHT = 160
const LABELS = 6

/**
 * A bar a day, drawn as SVG: the one chart the coupon screens need, without a
 * charting library in the dashboard's bundle (a host's admin build bundles
 * whatever an extension imports). Each bar names its day and count on hover
 * (SVG <title>), and the axis shows the highest count.
 */
export const DailyBarChart = ({ days, label }: { days: Day[]; label: string }) => {
  const max = Math.max(1, ...days.map((day) => day.value))
  const slot = 100 / Math.max(days.length, 1)
  const every = Math.max(1, Math.ceil(days.length / LABELS))
  return (
    <div className="flex h-full flex-col">
      <div className="flex min-h-0 flex-1 gap-x-2">
        <div className="flex w-7 flex-col justify-between text-right" aria-hidden>
          <Text size="xsmall" className="text-ui-fg-muted">
            {max}
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
                <title>{`${day.date}: ${day.value}`}</title>
              </rect>
            )
          })}
        </svg>
      </div>
      <div className="relative ml-9 h-5" style={{ marginTop: 2 }} aria-hidden>
        {days.map((day, index) =>
          index % every === 0 ? (
            <Text key={day.date} size="xsmall" className="text-ui-fg-muted absolute" style={{ left: `${index * slot}%` }}>
              {day.date.slice(5)}
            </Text>
          ) : null
        )}
      </div>
    </div>
  )
}
