import { ArrowDownTray, ArrowUpTray, CheckCircle, Sparkles, XCircle } from "@medusajs/icons"
import {
  Container,
  createDataTableColumnHelper,
  DataTable,
  type DataTablePaginationState,
  Heading,
  StatusBadge,
  Text,
  toast,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { ActionMenu } from "../../components/action-menu"
import { type AdminCouponCode, useCouponCodes, useUpdateCouponCode } from "../../hooks/coupon-codes"
import { downloadCsv } from "../../lib/download"
import { formatDate, formatNumber } from "../../lib/format"
import { useCouponsTranslation, useDataTableTranslations } from "../../lib/i18n"
import { CodeText } from "../../components/code-text"

const PAGE_SIZE = 10
const column = createDataTableColumnHelper<AdminCouponCode>()

/** The coupon's codes, searched and paged on the server; generate, import and export from its menu. */
export const CouponCodesSection = ({ couponId }: { couponId: string }) => {
  const { t, locale } = useCouponsTranslation()
  const tableTexts = useDataTableTranslations()
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
        toast.success(status === "disabled" ? t("detail.codes.disabledToast") : t("detail.codes.enabledToast"))
      } catch (e) {
        toast.error((e as Error).message)
      }
    }
    return [
      column.accessor("code", {
        header: t("detail.codes.code"),
        cell: ({ getValue }) => <CodeText code={getValue()} />,
      }),
      column.display({
        id: "usage",
        header: t("detail.codes.usage"),
        cell: ({ row }) => (
          <span className="tabular-nums">
            {formatNumber(row.original.usage_count, locale)} /{" "}
            {row.original.usage_limit == null ? "∞" : formatNumber(row.original.usage_limit, locale)}
          </span>
        ),
      }),
      column.display({
        id: "assigned",
        header: t("detail.codes.assignedTo"),
        cell: ({ row }) => row.original.assigned_email ?? row.original.assigned_customer_id ?? "—",
      }),
      column.accessor("expires_at", { header: t("detail.codes.expires"), cell: ({ getValue }) => formatDate(getValue(), locale) }),
      column.accessor("status", {
        header: t("detail.codes.status"),
        cell: ({ getValue }) => (
          <StatusBadge color={getValue() === "active" ? "green" : "grey"}>
            {getValue() === "active" ? t("detail.codes.active") : t("detail.codes.disabled")}
          </StatusBadge>
        ),
      }),
      column.display({
        id: "actions",
        cell: ({ row }) => (
          <div className="flex justify-end" onClick={(event) => event.stopPropagation()}>
            <ActionMenu
              label={t("detail.codes.rowActions", { code: row.original.code })}
              groups={[
                [
                  {
                    label: row.original.status === "active" ? t("detail.codes.disable") : t("detail.codes.enable"),
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
  }, [update, t, locale])

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
        <DataTable.Toolbar className="flex items-center justify-between gap-x-2" translations={tableTexts.toolbar}>
          <Heading level="h2">
            {t("detail.codes.heading")}{" "}
            {data ? (
              <Text as="span" size="small" className="text-ui-fg-subtle tabular-nums">
                ({formatNumber(data.count, locale)})
              </Text>
            ) : null}
          </Heading>
          <div className="flex items-center gap-x-2">
            <DataTable.Search placeholder={t("detail.codes.search")} />
            <ActionMenu
              label={t("detail.codes.actions")}
              groups={[
                [
                  { label: t("detail.codes.generate"), icon: <Sparkles />, onClick: () => navigate("generate") },
                  { label: t("detail.codes.import"), icon: <ArrowUpTray />, onClick: () => navigate("import") },
                  { label: t("detail.codes.export"), icon: <ArrowDownTray />, onClick: onExport },
                ],
              ]}
            />
          </div>
        </DataTable.Toolbar>
        {isError ? (
          <Text className="text-ui-fg-error px-6 py-4" role="alert">
            {t("detail.codes.loadError", { message: error?.message })}
          </Text>
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: t("detail.codes.emptyHeading"), description: t("detail.codes.emptyDescription") },
              filtered: { heading: t("detail.codes.noMatchHeading"), description: t("detail.codes.noMatchDescription") },
            }}
          />
        )}
        {/* no "0 of 0 results" while the first page loads */}
        {data ? <DataTable.Pagination translations={tableTexts.pagination} /> : null}
      </DataTable>
    </Container>
  )
}
