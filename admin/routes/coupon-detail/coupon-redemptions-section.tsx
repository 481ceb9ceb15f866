import { Container, createDataTableColumnHelper, DataTable, type DataTablePaginationState, Heading, Text, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { type AdminCouponRedemption, useCouponRedemptions } from "../../hooks/coupon-insights"
import { formatDate, formatMoney } from "../../lib/format"
import { useCouponsTranslation, useDataTableTranslations } from "../../lib/i18n"
import { redemptionStatusLabel } from "../../lib/labels"
import { CodeText } from "../../components/code-text"

const PAGE_SIZE = 10
const column = createDataTableColumnHelper<AdminCouponRedemption>()

/** The orders that used the coupon, newest first, paged on the server. */
export const CouponRedemptionsSection = ({ couponId }: { couponId: string }) => {
  const { t, locale } = useCouponsTranslation()
  const tableTexts = useDataTableTranslations()
  const columns = useMemo(
    () => [
      column.accessor("order_id", {
        header: t("detail.redemptions.order"),
        cell: ({ getValue }) => (
          <Link className="text-ui-fg-interactive" to={`/orders/${getValue()}`}>
            {t("detail.redemptions.order")}
          </Link>
        ),
      }),
      column.accessor("code", {
        header: t("detail.codes.code"),
        cell: ({ getValue }) => <CodeText code={getValue()} />,
      }),
      column.display({
        id: "customer",
        header: t("detail.redemptions.customer"),
        cell: ({ row }) =>
          row.original.customer_id ? (
            <Link className="text-ui-fg-interactive" to={`/customers/${row.original.customer_id}`}>
              {row.original.email ?? t("detail.redemptions.customer")}
            </Link>
          ) : (
            (row.original.email ?? t("detail.redemptions.guest"))
          ),
      }),
      column.accessor("discount_amount", {
        header: t("detail.general.discount"),
        cell: ({ row }) => formatMoney(Number(row.original.discount_amount), row.original.currency_code, locale),
      }),
      column.accessor("status", { header: t("detail.codes.status"), cell: ({ getValue }) => redemptionStatusLabel(getValue(), t) }),
      column.accessor("created_at", { header: t("detail.redemptions.date"), cell: ({ getValue }) => formatDate(getValue(), locale) }),
    ],
    [t, locale]
  )
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const { data, isLoading, isError, error } = useCouponRedemptions(couponId, {
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
    order: "-created_at",
  })
  const table = useDataTable({
    data: data?.redemptions ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })
  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar translations={tableTexts.toolbar}>
          <Heading level="h2">{t("detail.redemptions.heading")}</Heading>
        </DataTable.Toolbar>
        {isError ? (
          <Text className="text-ui-fg-error px-6 py-4" role="alert">
            {t("detail.redemptions.loadError", { message: error?.message })}
          </Text>
        ) : (
          <DataTable.Table emptyState={{ empty: { heading: t("detail.redemptions.empty") } }} />
        )}
        {data?.count ? <DataTable.Pagination translations={tableTexts.pagination} /> : null}
      </DataTable>
    </Container>
  )
}
