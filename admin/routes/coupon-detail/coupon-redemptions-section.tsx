import { Container, createDataTableColumnHelper, DataTable, type DataTablePaginationState, Heading, Text, useDataTable } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { type AdminCouponRedemption, useCouponRedemptions } from "../../hooks/coupon-insights"
import { formatDate, formatMoney } from "../../lib/format"
import { REDEMPTION_STATUS_LABELS } from "../../lib/labels"

const PAGE_SIZE = 10
const column = createDataTableColumnHelper<AdminCouponRedemption>()

const columns = [
  column.accessor("order_id", {
    header: "Order",
    cell: ({ getValue }) => (
      <Link className="text-ui-fg-interactive" to={`/orders/${getValue()}`}>
        Order
      </Link>
    ),
  }),
  column.accessor("code", {
    header: "Code",
    cell: ({ getValue }) => (
      <Text size="small" className="font-mono">
        {getValue()}
      </Text>
    ),
  }),
  column.display({
    id: "customer",
    header: "Customer",
    cell: ({ row }) =>
      row.original.customer_id ? (
        <Link className="text-ui-fg-interactive" to={`/customers/${row.original.customer_id}`}>
          {row.original.email ?? "Customer"}
        </Link>
      ) : (
        (row.original.email ?? "Guest")
      ),
  }),
  column.accessor("discount_amount", {
    header: "Discount",
    cell: ({ row }) => formatMoney(Number(row.original.discount_amount), row.original.currency_code),
  }),
  column.accessor("status", { header: "Status", cell: ({ getValue }) => REDEMPTION_STATUS_LABELS[getValue()] }),
  column.accessor("created_at", { header: "Date", cell: ({ getValue }) => formatDate(getValue()) }),
]

/** The orders that used the coupon, newest first, paged on the server. */
export const CouponRedemptionsSection = ({ couponId }: { couponId: string }) => {
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
        <DataTable.Toolbar>
          <Heading level="h2">Redemptions</Heading>
        </DataTable.Toolbar>
        {isError ? (
          <Text className="text-ui-fg-error px-6 py-4" role="alert">
            Could not load redemptions: {error?.message}
          </Text>
        ) : (
          <DataTable.Table emptyState={{ empty: { heading: "No order has used this coupon yet." } }} />
        )}
        {data?.count ? <DataTable.Pagination /> : null}
      </DataTable>
    </Container>
  )
}
