import { createDataTableColumnHelper, createDataTableFilterHelper, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { CouponStatusBadge } from "../../components/coupon-status-badge"
import { formatDate, formatDiscount, formatNumber } from "../../lib/format"
import { useCouponsTranslation } from "../../lib/i18n"
import { couponStatusOptionsOf, discountTypeOptionsOf } from "../../lib/labels"
import type { AdminCoupon } from "../../lib/types"
import { CodeText } from "../../components/code-text"

const column = createDataTableColumnHelper<AdminCoupon>()

/** The list's columns in the admin's language. */
export const useCouponColumns = () => {
  const { t, locale, l10n } = useCouponsTranslation()
  return useMemo(
    () => [
      column.accessor("name", { header: t("list.columns.name"), enableSorting: true, sortLabel: t("list.columns.name") }),
      column.display({
        id: "code",
        header: t("list.columns.code"),
        cell: ({ row }) => {
          const summary = row.original.code_summary
          if (summary?.code) {
            return <CodeText code={summary.code} />
          }
          return (
            <Text size="small" className="text-ui-fg-subtle tabular-nums">
              {summary?.count
                ? t("list.codes", { count: summary.count, formatted: formatNumber(summary.count, locale) })
                : t("list.noCodes")}
            </Text>
          )
        },
      }),
      column.display({
        id: "discount",
        header: t("list.columns.discount"),
        cell: ({ row }) => formatDiscount(row.original, l10n),
      }),
      column.accessor("usage_count", {
        header: t("list.columns.usage"),
        enableSorting: true,
        sortLabel: t("list.columns.usage"),
        cell: ({ row }) => (
          <Text size="small" className="tabular-nums">
            {t("list.usage", {
              used: formatNumber(row.original.usage_count, locale),
              limit: row.original.usage_limit === null ? "∞" : formatNumber(row.original.usage_limit, locale),
            })}
          </Text>
        ),
      }),
      column.accessor("starts_at", {
        header: t("list.columns.starts"),
        enableSorting: true,
        sortLabel: t("list.columns.startDate"),
        cell: ({ getValue }) => formatDate(getValue(), locale),
      }),
      column.accessor("ends_at", {
        header: t("list.columns.ends"),
        enableSorting: true,
        sortLabel: t("list.columns.endDate"),
        cell: ({ getValue }) => formatDate(getValue(), locale),
      }),
      column.display({ id: "status", header: t("list.columns.status"), cell: ({ row }) => <CouponStatusBadge coupon={row.original} /> }),
    ],
    [t, locale, l10n]
  )
}

const filter = createDataTableFilterHelper<AdminCoupon>()

/** The list's filters in the admin's language. */
export const useCouponFilters = () => {
  const { t } = useCouponsTranslation()
  return useMemo(
    () => [
      filter.accessor("status", {
        type: "multiselect",
        label: t("list.filters.status"),
        options: couponStatusOptionsOf(t),
      }),
      filter.accessor("discount_type", {
        type: "multiselect",
        label: t("list.filters.type"),
        options: discountTypeOptionsOf(t),
      }),
      filter.accessor(
        "ends_at" as never,
        {
          type: "radio",
          label: t("list.filters.availability"),
          options: [
            { label: t("list.filters.activeNow"), value: "active" },
            { label: t("list.filters.scheduled"), value: "scheduled" },
            { label: t("list.filters.expired"), value: "expired" },
          ],
        } as never
      ),
    ],
    [t]
  )
}
