import { ArrowDownTray, ArrowUpTray, CheckCircle, Sparkles, XCircle } from "@medusajs/icons"
import {
  Badge,
  Container,
  createDataTableColumnHelper,
  DataTable,
  type DataTablePaginationState,
  Heading,
  Text,
  toast,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { ActionMenu } from "../../components/action-menu"
import { type AdminCouponCode, useCouponCodes, useUpdateCouponCode } from "../../hooks/coupon-codes"
import { downloadCsv } from "../../lib/download"
import { formatDate } from "../../lib/format"

const PAGE_SIZE = 10
const column = createDataTableColumnHelper<AdminCouponCode>()

/** The coupon's codes, searched and paged on the server; generate, import and export from its menu. */
export const CouponCodesSection = ({ couponId }: { couponId: string }) => {
  const navigate = useNavigate()
  const [search, setSearch] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const { data, isLoading, isError, error } = useCouponCodes(couponId, {
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
    ...(search ? { q: search } : {}),
  })
  const update = useUpdateCouponCode(couponId)

  const columns = useMemo(() => {
    const toggle = async (code: AdminCouponCode) => {
      const status = code.status === "active" ? "disabled" : "active"
      try {
        await update.mutateAsync({ code_id: code.id, status })
        toast.success(status === "disabled" ? "Code disabled" : "Code enabled")
      } catch (e) {
        toast.error((e as Error).message)
      }
    }
    return [
      column.accessor("code", {
        header: "Code",
        cell: ({ getValue }) => (
          <Text size="small" className="font-mono">
            {getValue()}
          </Text>
        ),
      }),
      column.display({
        id: "usage",
        header: "Usage",
        cell: ({ row }) => (
          <span className="tabular-nums">
            {row.original.usage_count} / {row.original.usage_limit ?? "∞"}
          </span>
        ),
      }),
      column.display({
        id: "assigned",
        header: "Assigned to",
        cell: ({ row }) => row.original.assigned_email ?? row.original.assigned_customer_id ?? "—",
      }),
      column.accessor("expires_at", { header: "Expires", cell: ({ getValue }) => formatDate(getValue()) }),
      column.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => (
          <Badge size="2xsmall" color={getValue() === "active" ? "green" : "grey"}>
            {getValue() === "active" ? "Active" : "Disabled"}
          </Badge>
        ),
      }),
      column.display({
        id: "actions",
        cell: ({ row }) => (
          <div className="flex justify-end" onClick={(event) => event.stopPropagation()}>
            <ActionMenu
              label={`Actions for ${row.original.code}`}
              groups={[
                [
                  {
                    label: row.original.status === "active" ? "Disable" : "Enable",
                    icon: row.original.status === "active" ? <XCircle /> : <CheckCircle />,
                    onClick: () => toggle(row.original),
                    disabled: update.isPending,
                  },
                ],
              ]}
            />
          </div>
        ),
      }),
    ]
  }, [update])

  const table = useDataTable({
    data: data?.codes ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    search: {
      state: search,
      onSearchChange: (value) => {
        setSearch(value)
        setPagination((current) => ({ ...current, pageIndex: 0 }))
      },
    },
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  const onExport = async () => {
    try {
      await downloadCsv(`/admin/coupons/${couponId}/codes/export`, `coupon-codes-${couponId}.csv`)
    } catch (e) {
      toast.error((e as Error).message)
    }
  }

  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-center justify-between gap-x-2">
          <Heading level="h2">
            Codes{" "}
            {data ? (
              <Text as="span" size="small" className="text-ui-fg-subtle tabular-nums">
                ({data.count.toLocaleString()})
              </Text>
            ) : null}
          </Heading>
          <div className="flex items-center gap-x-2">
            <DataTable.Search placeholder="Search codes" />
            <ActionMenu
              label="Code actions"
              groups={[
                [
                  { label: "Generate codes", icon: <Sparkles />, onClick: () => navigate("generate") },
                  { label: "Import CSV", icon: <ArrowUpTray />, onClick: () => navigate("import") },
                  { label: "Export CSV", icon: <ArrowDownTray />, onClick: onExport },
                ],
              ]}
            />
          </div>
        </DataTable.Toolbar>
        {isError ? (
          <Text className="text-ui-fg-error px-6 py-4" role="alert">
            Could not load codes: {error?.message}
          </Text>
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: "No codes yet", description: "Generate or import codes from the menu." },
              filtered: { heading: "No code matches", description: "Try another search." },
            }}
          />
        )}
        {/* no "0 of 0 results" while the first page loads */}
        {data ? <DataTable.Pagination /> : null}
      </DataTable>
    </Container>
  )
}
