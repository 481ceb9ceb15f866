import { Container, createDataTableColumnHelper, DataTable, type DataTablePaginationState, Heading, Text, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useQuery } from "@tanstack/react-query"
import { couponQueryKeys } from "../../hooks/coupons"
import { useCouponsTranslation, useDataTableTranslations } from "../../lib/i18n"
import { sdk } from "../../lib/sdk"

type AuditEntry = {
  id: string
  action: string
  actor_id: string | null
  code_id: string | null
  changes: Record<string, unknown> | null
  created_at: string
}

/** The audit actions the history names; an unknown one is shown as stored. */
const ACTIONS = [
  "coupon.created",
  "coupon.updated",
  "coupon.duplicated",
  "coupon.deleted",
  "code.updated",
  "code.deleted",
  "codes.added",
  "codes.imported",
  "batch.created",
  "distribution.created",
]

const describe = (changes: Record<string, unknown> | null) =>
  Object.entries(changes ?? {})
    .map(([field, value]) =>
      value && typeof value === "object" && "to" in (value as object)
        ? `${field}: ${JSON.stringify((value as { from: unknown }).from)} → ${JSON.stringify((value as { to: unknown }).to)}`
        : `${field}: ${Array.isArray(value) ? value.join(", ") : typeof value === "object" ? JSON.stringify(value) : String(value)}`
    )
    .join("; ")

const PAGE_SIZE = 10
const column = createDataTableColumnHelper<AuditEntry>()

/** The audit trail: who changed what, newest first (the latest 50, ten a page). */
export const CouponHistorySection = ({ couponId }: { couponId: string }) => {
  const { t, locale } = useCouponsTranslation()
  const tableTexts = useDataTableTranslations()
  const columns = useMemo(
    () => [
      column.accessor("created_at", {
        header: t("detail.history.when"),
        size: 190,
        cell: ({ getValue }) => new Date(getValue()).toLocaleString(locale),
      }),
      column.accessor("actor_id", {
        header: t("detail.history.who"),
        size: 250,
        cell: ({ getValue }) => <span className="font-mono text-xs">{getValue() ?? t("detail.history.system")}</span>,
      }),
      column.accessor("action", {
        header: t("detail.history.what"),
        size: 170,
        cell: ({ getValue }) => (ACTIONS.includes(getValue()) ? t(`detail.history.actions.${getValue()}`) : getValue()),
      }),
      column.accessor("changes", {
        header: t("detail.history.details"),
        cell: ({ getValue }) => (
          <span className="block max-w-[420px] truncate" title={describe(getValue())}>
            {describe(getValue())}
          </span>
        ),
      }),
    ],
    [t, locale]
  )
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const { data, isLoading, isError, error } = useQuery({
    queryKey: [...couponQueryKeys.detail(couponId), "audit"],
    queryFn: () =>
      sdk.client.fetch<{ coupon: { audit_entries: AuditEntry[] } }>(`/admin/coupons/${couponId}`, {
        query: { fields: "id,*audit_entries" },
      }),
  })
  const entries = [...(data?.coupon.audit_entries ?? [])].sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, 50)
  const start = pagination.pageIndex * pagination.pageSize
  const table = useDataTable({
    data: entries.slice(start, start + pagination.pageSize),
    columns,
    getRowId: (row) => row.id,
    rowCount: entries.length,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })
  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar translations={tableTexts.toolbar}>
          <Heading level="h2">{t("detail.history.heading")}</Heading>
        </DataTable.Toolbar>
        {isError ? (
          <Text className="text-ui-fg-error px-6 py-4" role="alert">
            {t("detail.history.loadError", { message: error?.message })}
          </Text>
        ) : (
          <DataTable.Table emptyState={{ empty: { heading: t("detail.history.empty") } }} />
        )}
        {entries.length ? <DataTable.Pagination translations={tableTexts.pagination} /> : null}
      </DataTable>
    </Container>
  )
}
