import { Button, Container, createDataTableColumnHelper, DataTable, Heading, Text, useDataTable } from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import { type AdminCouponDistribution, useCouponDistributions } from "../../hooks/coupon-distributions"
import { formatNumber } from "../../lib/format"
import { useCouponsTranslation, useDataTableTranslations } from "../../lib/i18n"

const column = createDataTableColumnHelper<AdminCouponDistribution>()

/** Who was sent codes, when, and how many of those codes were redeemed; "Send codes" opens its drawer. */
export const CouponDistributionsSection = ({ couponId }: { couponId: string }) => {
  const { t, locale } = useCouponsTranslation()
  const tableTexts = useDataTableTranslations()
  const { data, isLoading, isError, error } = useCouponDistributions(couponId)
  const columns = useMemo(() => {
    const count = (value: number) => <span className="tabular-nums">{formatNumber(value, locale)}</span>
    return [
      column.accessor("created_at", {
        header: t("detail.distributions.sentAt"),
        cell: ({ getValue }) => new Date(getValue()).toLocaleString(locale),
      }),
      column.display({
        id: "to",
        header: t("detail.distributions.to"),
        cell: ({ row }) =>
          row.original.customer_group_id
            ? t("detail.distributions.customerGroup")
            : t("detail.distributions.emails", {
                count: row.original.recipient_count,
                formatted: formatNumber(row.original.recipient_count, locale),
              }),
      }),
      column.accessor("assigned_count", { header: t("detail.distributions.sent"), cell: ({ getValue }) => count(getValue()) }),
      column.accessor("skipped_count", { header: t("detail.distributions.skipped"), cell: ({ getValue }) => count(getValue()) }),
      column.accessor("redeemed_count", { header: t("detail.distributions.redeemed"), cell: ({ getValue }) => count(getValue()) }),
      column.accessor("valid_for_days", {
        header: t("detail.distributions.validFor"),
        cell: ({ getValue }) => {
          const days = getValue()
          return days ? t("detail.distributions.daysFromSending", { count: days }) : t("detail.distributions.ownDates")
        },
      }),
    ]
  }, [t, locale])
  const table = useDataTable({
    data: data?.distributions ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: data?.distributions.length ?? 0,
    isLoading,
  })
  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-center justify-between gap-x-2" translations={tableTexts.toolbar}>
          <div>
            <Heading level="h2">{t("detail.distributions.heading")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("detail.distributions.subtitle")}
            </Text>
          </div>
          <Button size="small" variant="secondary" asChild>
            <Link to="distribute">{t("detail.distribute.title")}</Link>
          </Button>
        </DataTable.Toolbar>
        {isError ? (
          <Text className="text-ui-fg-error px-6 py-4" role="alert">
            {t("detail.distributions.loadError", { message: error?.message })}
          </Text>
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: t("detail.distributions.emptyHeading"), description: t("detail.distributions.emptyDescription") },
            }}
          />
        )}
      </DataTable>
    </Container>
  )
}
