import { Container, Heading, Table, Text } from "@medusajs/ui"
import { REDEMPTION_STATUS_LABELS } from "../../lib/labels"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useCouponRedemptions } from "../../hooks/coupon-insights"
import { formatDate, formatMoney } from "../../lib/format"

const PAGE = 10

export const CouponRedemptionsSection = ({ couponId }: { couponId: string }) => {
  const [page, setPage] = useState(0)
  const { data, isLoading, isError, error } = useCouponRedemptions(couponId, { limit: PAGE, offset: page * PAGE, order: "-created_at" })
  const pages = Math.max(1, Math.ceil((data?.count ?? 0) / PAGE))
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Redemptions</Heading>
      </div>
      {isError ? (
        <Text className="text-ui-fg-error px-6 py-4" role="alert">
          Could not load redemptions: {error?.message}
        </Text>
      ) : !isLoading && !data?.redemptions.length ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No order has used this coupon yet.
        </Text>
      ) : (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Order</Table.HeaderCell>
                <Table.HeaderCell>Code</Table.HeaderCell>
                <Table.HeaderCell>Customer</Table.HeaderCell>
                <Table.HeaderCell>Discount</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Date</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(data?.redemptions ?? []).map((redemption) => (
                <Table.Row key={redemption.id}>
                  <Table.Cell>
                    <Link className="text-ui-fg-interactive" to={`/orders/${redemption.order_id}`}>
                      Order
                    </Link>
                  </Table.Cell>
                  <Table.Cell className="font-mono">{redemption.code}</Table.Cell>
                  <Table.Cell>
                    {redemption.customer_id ? (
                      <Link className="text-ui-fg-interactive" to={`/customers/${redemption.customer_id}`}>
                        {redemption.email ?? "Customer"}
                      </Link>
                    ) : (
                      (redemption.email ?? "Guest")
                    )}
                  </Table.Cell>
                  <Table.Cell>{formatMoney(Number(redemption.discount_amount), redemption.currency_code)}</Table.Cell>
                  <Table.Cell>{REDEMPTION_STATUS_LABELS[redemption.status]}</Table.Cell>
                  <Table.Cell>{formatDate(redemption.created_at)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Table.Pagination
            count={data?.count ?? 0}
            pageSize={PAGE}
            pageIndex={page}
            pageCount={pages}
            canPreviousPage={page > 0}
            canNextPage={page + 1 < pages}
            previousPage={() => setPage(page - 1)}
            nextPage={() => setPage(page + 1)}
          />
        </>
      )}
    </Container>
  )
}
