import { createDataTableColumnHelper, createDataTableFilterHelper, Text } from "@medusajs/ui"
import { CouponStatusBadge } from "../../components/coupon-status-badge"
import { formatDate, formatDiscount } from "../../lib/format"
import { couponStatusOptions, discountTypeOptions } from "../../lib/labels"
import type { AdminCoupon } from "../../lib/types"

const column = createDataTableColumnHelper<AdminCoupon>()

export const couponColumns = [
  column.accessor("name", { header: "Name", enableSorting: true, sortLabel: "Name" }),
  column.display({
    id: "code",
    header: "Code",
    cell: ({ row }) => {
      const summary = row.original.code_summary
      if (summary?.code) {
        return (
          <Text size="small" className="font-mono">
            {summary.code}
          </Text>
        )
      }
      return (
        <Text size="small" className="text-ui-fg-subtle tabular-nums">
          {summary?.count ? `${summary.count.toLocaleString()} codes` : "No codes"}
        </Text>
      )
    },
  }),
  column.display({
    id: "discount",
    header: "Discount",
    cell: ({ row }) => formatDiscount(row.original),
  }),
  column.accessor("usage_count", {
    header: "Usage",
    enableSorting: true,
    sortLabel: "Usage",
    cell: ({ row }) => (
      <Text size="small" className="tabular-nums">
        {row.original.usage_count} / {row.original.usage_limit ?? "∞"}
      </Text>
    ),
  }),
  column.accessor("starts_at", {
    header: "Starts",
    enableSorting: true,
    sortLabel: "Start date",
    cell: ({ getValue }) => formatDate(getValue()),
  }),
  column.accessor("ends_at", {
    header: "Ends",
    enableSorting: true,
    sortLabel: "End date",
    cell: ({ getValue }) => formatDate(getValue()),
  }),
  column.display({ id: "status", header: "Status", cell: ({ row }) => <CouponStatusBadge coupon={row.original} /> }),
]

const filter = createDataTableFilterHelper<AdminCoupon>()

export const couponFilters = [
  filter.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: couponStatusOptions,
  }),
  filter.accessor("discount_type", {
    type: "multiselect",
    label: "Type",
    options: discountTypeOptions,
  }),
  filter.accessor(
    "ends_at" as never,
    {
      type: "radio",
      label: "Availability",
      options: [
        { label: "Active now", value: "active" },
        { label: "Scheduled", value: "scheduled" },
        { label: "Expired", value: "expired" },
      ],
    } as never
  ),
]
