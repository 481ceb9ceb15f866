import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useCouponDistributions } from "../../hooks/coupon-distributions"
import { CouponDistributionForm } from "./coupon-distribution-form"

/** Who was sent codes, when, and how many of those codes were redeemed; and a form to send more. */
export const CouponDistributionsSection = ({ couponId }: { couponId: string }) => {
  const { data, isError, error } = useCouponDistributions(couponId)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Distributions</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Send one unused code to each customer by email. The codes table shows who holds which code.
        </Text>
      </div>
      {isError ? (
        <Text className="text-ui-fg-error px-6 py-4" role="alert">
          Could not load distributions: {error?.message}
        </Text>
      ) : null}
      {data?.distributions.length ? (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Sent</Table.HeaderCell>
              <Table.HeaderCell>To</Table.HeaderCell>
              <Table.HeaderCell>Codes sent</Table.HeaderCell>
              <Table.HeaderCell>Skipped</Table.HeaderCell>
              <Table.HeaderCell>Redeemed</Table.HeaderCell>
              <Table.HeaderCell>Codes valid for</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.distributions.map((distribution) => (
              <Table.Row key={distribution.id} data-testid="coupon-distribution-row">
                <Table.Cell>{new Date(distribution.created_at).toLocaleString()}</Table.Cell>
                <Table.Cell>
                  {distribution.customer_group_id ? "Customer group" : `${distribution.recipient_count.toLocaleString()} emails`}
                </Table.Cell>
                <Table.Cell className="tabular-nums">{distribution.assigned_count.toLocaleString()}</Table.Cell>
                <Table.Cell className="tabular-nums">{distribution.skipped_count.toLocaleString()}</Table.Cell>
                <Table.Cell className="tabular-nums">{distribution.redeemed_count.toLocaleString()}</Table.Cell>
                <Table.Cell>
                  {distribution.valid_for_days
                    ? `${distribution.valid_for_days} day${distribution.valid_for_days === 1 ? "" : "s"} from sending`
                    : "Their own dates"}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : data ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No codes sent yet.
        </Text>
      ) : null}
      <CouponDistributionForm couponId={couponId} />
    </Container>
  )
}
