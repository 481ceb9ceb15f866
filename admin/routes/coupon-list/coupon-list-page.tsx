import { Button, Container, DataTable, Heading, Text, useDataTable } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useCoupons } from "../../hooks/coupons"
import { useCouponsTranslation, useDataTableTranslations } from "../../lib/i18n"
import { useCouponColumns, useCouponFilters } from "./coupon-list-columns"
import { useCouponListParams } from "./use-coupon-list-params"

export const CouponListPage = () => {
  const navigate = useNavigate()
  const { t } = useCouponsTranslation()
  const columns = useCouponColumns()
  const filters = useCouponFilters()
  const tableTexts = useDataTableTranslations()
  const params = useCouponListParams()
  const { data, isLoading, isError, error } = useCoupons(params.query)

  // the availability filter is keyed on a column but sent as `state`
  const filtering = { ...params.filtering, ...(params.filtering.state ? { ends_at: params.filtering.state } : {}) }
  delete (filtering as Record<string, unknown>).state

  const table = useDataTable({
    data: data?.coupons ?? [],
    columns,
    filters,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    onRowClick: (_event, row) => navigate(`/coupons/${row.id}`),
    search: { state: params.search, onSearchChange: params.onSearchChange },
    pagination: { state: params.pagination, onPaginationChange: params.onPaginationChange },
    sorting: { state: params.sorting, onSortingChange: params.onSortingChange },
    filtering: {
      state: filtering,
      onFilteringChange: (state) => {
        const { ends_at, ...rest } = state as Record<string, unknown>
        params.onFilteringChange({ ...rest, ...(ends_at ? { state: ends_at } : {}) })
      },
    },
  })

  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar
          translations={tableTexts.toolbar}
          className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center"
        >
          <div>
            <Heading>{t("list.heading")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("list.description")}
            </Text>
          </div>
          <div className="flex w-full items-center gap-2 md:w-auto">
            <DataTable.Search placeholder={t("list.search")} />
            <DataTable.FilterMenu tooltip={t("common.filter")} />
            <DataTable.SortingMenu tooltip={t("common.sort")} />
            <Button size="small" variant="secondary" onClick={() => navigate("/coupons/create")}>
              {t("common.create")}
            </Button>
          </div>
        </DataTable.Toolbar>
        {isError ? (
          <div className="px-6 py-4">
            <Text className="text-ui-fg-error">{t("list.loadFailed", { message: error?.message })}</Text>
          </div>
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: t("list.empty.heading"), description: t("list.empty.description") },
              filtered: { heading: t("list.filtered.heading"), description: t("list.filtered.description") },
            }}
          />
        )}
        <DataTable.Pagination translations={tableTexts.pagination} />
      </DataTable>
    </Container>
  )
}
