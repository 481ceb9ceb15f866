import { Container, Heading, Skeleton, Table, Text } from "@medusajs/ui"
import { DailyBarChart } from "../../components/daily-bar-chart"
import { type CouponStats, useCouponStats } from "../../hooks/coupon-insights"
import { useStoreCurrency } from "../../hooks/store-currency"
import { formatMoney, formatNumber } from "../../lib/format"
import { useCouponsTranslation } from "../../lib/i18n"
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
const CurrencyTable = ({ rows }: { rows: CouponStats["by_currency"] }) => {
  const { t, locale } = useCouponsTranslation()
  return (
    <Table aria-label={t("detail.stats.perCurrency")}>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("common.currency")}</Table.HeaderCell>
          <Table.HeaderCell>{t("detail.stats.orders")}</Table.HeaderCell>
          <Table.HeaderCell>{t("detail.stats.discountNetGross")}</Table.HeaderCell>
          <Table.HeaderCell>{t("detail.stats.revenueNetGross")}</Table.HeaderCell>
          <Table.HeaderCell>{t("detail.stats.refunded")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.currency_code}>
            <Table.Cell>{row.currency_code.toUpperCase()}</Table.Cell>
            <Table.Cell>{formatNumber(row.orders, locale)}</Table.Cell>
            <Table.Cell>
              {formatMoney(Number(row.discount_total), row.currency_code, locale)} /{" "}
              {formatMoney(Number(row.discount_gross), row.currency_code, locale)}
            </Table.Cell>
            <Table.Cell>
              {formatMoney(Number(row.revenue), row.currency_code, locale)} /{" "}
              {formatMoney(Number(row.revenue_gross), row.currency_code, locale)}
            </Table.Cell>
            <Table.Cell>{formatMoney(Number(row.refunded_total), row.currency_code, locale)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

export const CouponStatsSection = ({ coupon }: { coupon: AdminCoupon }) => {
  const { t, locale } = useCouponsTranslation()
  const { data, isLoading, isError, error } = useCouponStats(coupon.id)
  const storeCurrency = useStoreCurrency()
  // the ledger's own currency; with no redemption yet, the coupon's, else the store's
  const currency = data?.currency_code ?? coupon.currency_code ?? storeCurrency
  const money = (amount: number, code: string | null) => (code ? formatMoney(amount, code, locale) : formatNumber(amount, locale))
  const mixed = (data?.by_currency?.length ?? 0) > 1
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <Heading level="h2">{t("detail.stats.heading")}</Heading>
      {isLoading ? (
        <Skeleton className="h-24 w-full" />
      ) : isError || !data ? (
        <Text className="text-ui-fg-error" role="alert">
          {t("detail.stats.loadError", { message: error?.message })}
        </Text>
      ) : (
        <>
          {/* inline: the dashboard's stylesheet only has the grid classes it uses itself */}
          <div className="grid gap-3" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(150px, 1fr))" }}>
            <Stat label={t("detail.stats.redemptions")} value={formatNumber(data.redemptions, locale)} />
            <Stat label={t("detail.stats.uniqueCustomers")} value={formatNumber(data.unique_customers, locale)} />
            <Stat
              label={t("detail.stats.newReturning")}
              value={`${formatNumber(data.new_customers, locale)} / ${formatNumber(data.returning_customers, locale)}`}
            />
            {mixed ? null : (
              <>
                <Stat label={t("detail.stats.discountGiven")} value={money(Number(data.discount_total), currency)} />
                <Stat label={t("detail.stats.revenue")} value={money(Number(data.revenue), currency)} />
              </>
            )}
            <Stat
              label={t("detail.stats.redemptionRate")}
              value={new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
                Number(data.redemption_rate)
              )}
            />
          </div>
          {mixed || Number(data.discount_gross) !== Number(data.discount_total) || Number(data.refunded_total) ? (
            <CurrencyTable rows={data.by_currency} />
          ) : null}
          <div style={{ height: 192 }} aria-label={t("detail.stats.perDay")}>
            {data.daily.length ? (
              <DailyBarChart
                label={t("detail.stats.perDay")}
                days={data.daily.map((day) => ({ date: day.date, value: Number(day.redemptions) }))}
              />
            ) : (
              <div className="flex h-full items-center justify-center">
                <Text size="small" className="text-ui-fg-subtle">
                  {t("detail.stats.none")}
                </Text>
              </div>
            )}
          </div>
        </>
      )}
    </Container>
  )
}
