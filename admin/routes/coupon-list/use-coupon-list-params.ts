import { useSearchParams } from "react-router-dom"
import type { DataTableFilteringState, DataTablePaginationState, DataTableSortingState } from "@medusajs/ui"

export const PAGE_SIZE = 20
const FILTER_KEYS = ["status", "discount_type", "state"] as const

/** Search, filters, sorting and page live in the URL, so a list view can be shared and survives reloads. */
export const useCouponListParams = () => {
  const [params, setParams] = useSearchParams()

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") {
        next.delete(key)
      } else {
        next.set(key, value)
      }
    }
    setParams(next, { replace: true })
  }

  const search = params.get("q") ?? ""
  const pageIndex = Number(params.get("page") ?? 0)
  const order = params.get("order")
  const sorting: DataTableSortingState | null = order ? { id: order.replace(/^-/, ""), desc: order.startsWith("-") } : null
  const filtering: DataTableFilteringState = Object.fromEntries(
    FILTER_KEYS.filter((key) => params.get(key)).map((key) => [key, key === "state" ? params.get(key) : params.get(key)!.split(",")])
  )

  const query: Record<string, unknown> = {
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
    ...(search ? { q: search } : {}),
    ...(order ? { order } : { order: "-created_at" }),
    ...Object.fromEntries(Object.entries(filtering).map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : value])),
  }
  // the API takes repeated values for status and type
  for (const key of ["status", "discount_type"] as const) {
    if (typeof query[key] === "string") {
      query[key] = (query[key] as string).split(",")
    }
  }

  return {
    query,
    search,
    onSearchChange: (value: string) => update({ q: value, page: null }),
    pagination: { pageIndex, pageSize: PAGE_SIZE } as DataTablePaginationState,
    onPaginationChange: (state: DataTablePaginationState) => update({ page: String(state.pageIndex) }),
    sorting,
    onSortingChange: (state: DataTableSortingState) => update({ order: `${state.desc ? "-" : ""}${state.id}`, page: null }),
    filtering,
    onFilteringChange: (state: DataTableFilteringState) =>
      update({
        page: null,
        ...Object.fromEntries(
          FILTER_KEYS.map((key) => {
            const value = state[key]
            return [key, value === undefined || value === null ? null : Array.isArray(value) ? value.join(",") : String(value)]
          })
        ),
      }),
  }
}
