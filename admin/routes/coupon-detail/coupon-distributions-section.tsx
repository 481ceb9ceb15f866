import { Button, Container, createDataTableColumnHelper, DataTable, Heading, Text, useDataTable } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { type AdminCouponDistribution, useCouponDistributions } from "../../hooks/coupon-distributions"

const column = createDataTableColumnHelper<AdminCouponDistribution>()
const count = (value: number) => <span className="tabular-nums">{value.toLocaleString()}</span>

const columns = [
  column.accessor("created_at", { header: "Sent", cell: ({ getValue }) => new Date(getValue()).toLocaleString() }),
  column.display({
    id: "to",
    header: "To",
    cell: ({ row }) => (row.original.customer_group_id ? "Customer group" : `${row.original.recipient_count.toLocaleString()} emails`),
  }),
  column.accessor("assigned_count", { header: "Codes sent", cell: ({ getValue }) => count(getValue()) }),
  column.accessor("skipped_count", { header: "Skipped", cell: ({ getValue }) => count(getValue()) }),
  column.accessor("redeemed_count", { header: "Redeemed", cell: ({ getValue }) => count(getValue()) }),
  column.accessor("valid_for_days", {
    header: "Codes valid for",
    cell: ({ getValue }) => {
      const days = getValue()
      return days ? `${days} day${days === 1 ? "" : "s"} from sending` : "Their own dates"
    },
  }),
]

/** Who was sent codes, when, and how many of those codes were redeemed; "Send codes" opens its drawer. */
export const CouponDistributionsSection = ({ couponId }: { couponId: string }) => {
  const { data, isLoading, isError, error } = useCouponDistributions(couponId)
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
        <DataTable.Toolbar className="flex items-center justify-between gap-x-2">
          <div>
            <Heading level="h2">Distributions</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              The latest 20 sendings of codes by email.
            </Text>
          </div>
          <Button size="small" variant="secondary" asChild>
            <Link to="distribute">Send codes</Link>
          </Button>
        </DataTable.Toolbar>
        {isError ? (
          <Text className="text-ui-fg-error px-6 py-4" role="alert">
            Could not load distributions: {error?.message}
          </Text>
        ) : (
          <DataTable.Table
            emptyState={{ empty: { heading: "No codes sent yet.", description: "Send one unused code to each customer by email." } }}
          />
        )}
      </DataTable>
    </Container>
  )
}
