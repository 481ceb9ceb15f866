import { Container, Heading, Skeleton, Table, Text } from "@medusajs/ui"
import { DailyBarChart } from "../../components/daily-bar-chart"
import { type CouponStats, useCouponStats } from "../../hooks/coupon-insights"
import { useStoreCurrency } from "../../hooks/store-currency"
import { formatMoney } from "../../lib/format"
import type { AdminCoupon } from "../../lib/types"

const Stat = ({ label, value }: { label: string; value: string }) => (
  <div className="flex flex-col gap-y-1 rounded-lg border px-4 py-3">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus" className="tabular-nums">
      {value}
    </Text>
  </div>
)

/** Each currency's figures, net of returns and refunds beside the checkout's (gross) ones. */
const CurrencyTable = ({ rows }: { rows: CouponStats["by_currency"] }) => (
  <Table aria-label="Figures per currency">
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Currency</Table.HeaderCell>
        <Table.HeaderCell>Orders</Table.HeaderCell>
        <Table.HeaderCell>Discount (net / at checkout)</Table.HeaderCell>
        <Table.HeaderCell>Revenue (net / at checkout)</Table.HeaderCell>
        <Table.HeaderCell>Refunded</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {rows.map((row) => (
        <Table.Row key={row.currency_code}>
          <Table.Cell>{row.currency_code.toUpperCase()}</Table.Cell>
          <Table.Cell>{row.orders.toLocaleString()}</Table.Cell>
          <Table.Cell>
            {formatMoney(Number(row.discount_total), row.currency_code)} / {formatMoney(Number(row.discount_gross), row.currency_code)}
          </Table.Cell>
          <Table.Cell>
            {formatMoney(Number(row.revenue), row.currency_code)} / {formatMoney(Number(row.revenue_gross), row.currency_code)}
          </Table.Cell>
          <Table.Cell>{formatMoney(Number(row.refunded_total), row.currency_code)}</Table.Cell>
        </Table.Row>
      ))}
    </Table.Body>
  </Table>
)

export const CouponStatsSection = ({ coupon }: { coupon: AdminCoupon }) => {
  const { data, isLoading, isError, error } = useCouponStats(coupon.id)
  const storeCurrency = useStoreCurrency()
  // the ledger's own currency; with no redemption yet, the coupon's, else the store's
  const currency = data?.currency_code ?? coupon.currency_code ?? storeCurrency
  const money = (amount: number, code: string | null) => (code ? formatMoney(amount, code) : amount.toLocaleString())
  const mixed = (data?.by_currency?.length ?? 0) > 1
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <Heading level="h2">Performance</Heading>
      {isLoading ? (
        <Skeleton className="h-24 w-full" />
      ) : isError || !data ? (
        <Text className="text-ui-fg-error" role="alert">
          Could not load the figures: {error?.message}
        </Text>
      ) : (
        <>
          {/* inline: the dashboard's stylesheet only has the grid classes it uses itself */}
          <div className="grid gap-3" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(150px, 1fr))" }}>
            <Stat label="Redemptions" value={data.redemptions.toLocaleString()} />
            <Stat label="Unique customers" value={data.unique_customers.toLocaleString()} />
            <Stat label="New / returning" value={`${data.new_customers.toLocaleString()} / ${data.returning_customers.toLocaleString()}`} />
            {mixed ? null : (
              <>
                <Stat label="Discount given" value={money(Number(data.discount_total), currency)} />
                <Stat label="Revenue" value={money(Number(data.revenue), currency)} />
              </>
            )}
            <Stat label="Redemption rate" value={`${(Number(data.redemption_rate) * 100).toFixed(1)}%`} />
          </div>
          {mixed || Number(data.discount_gross) !== Number(data.discount_total) || Number(data.refunded_total) ? (
            <CurrencyTable rows={data.by_currency} />
          ) : null}
          <div style={{ height: 192 }} aria-label="Redemptions per day">
            {data.daily.length ? (
              <DailyBarChart
                label="Redemptions per day"
                days={data.daily.map((day) => ({ date: day.date, value: Number(day.redemptions) }))}
              />
            ) : (
              <div className="flex h-full items-center justify-center">
                <Text size="small" className="text-ui-fg-subtle">
                  No redemptions yet.
                </Text>
              </div>
            )}
          </div>
        </>
      )}
    </Container>
  )
}
