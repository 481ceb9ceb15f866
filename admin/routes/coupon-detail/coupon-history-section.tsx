import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { couponQueryKeys } from "../../hooks/coupons"
import { sdk } from "../../lib/sdk"

type AuditEntry = {
  id: string
  action: string
  actor_id: string | null
  code_id: string | null
  changes: Record<string, unknown> | null
  created_at: string
}

const ACTIONS: Record<string, string> = {
  "coupon.created": "Created the coupon",
  "coupon.updated": "Changed the coupon",
  "coupon.duplicated": "Created as a copy",
  "coupon.deleted": "Deleted the coupon",
  "code.updated": "Changed a code",
  "code.deleted": "Deleted a code",
  "codes.added": "Added codes",
  "codes.imported": "Imported codes",
  "batch.created": "Generated codes",
  "distribution.created": "Sent codes",
}

const describe = (changes: Record<string, unknown> | null) =>
  Object.entries(changes ?? {})
    .map(([field, value]) =>
      value && typeof value === "object" && "to" in (value as object)
        ? `${field}: ${JSON.stringify((value as { from: unknown }).from)} → ${JSON.stringify((value as { to: unknown }).to)}`
        : `${field}: ${Array.isArray(value) ? value.join(", ") : typeof value === "object" ? JSON.stringify(value) : String(value)}`
    )
    .join("; ")

/** The audit trail: who changed what, newest first. */
export const CouponHistorySection = ({ couponId }: { couponId: string }) => {
  const { data, isError, error } = useQuery({
    queryKey: [...couponQueryKeys.detail(couponId), "audit"],
    queryFn: () =>
      sdk.client.fetch<{ coupon: { audit_entries: AuditEntry[] } }>(`/admin/coupons/${couponId}`, {
        query: { fields: "id,*audit_entries" },
      }),
  })
  const entries = [...(data?.coupon.audit_entries ?? [])].sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, 50)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">History</Heading>
      </div>
      {isError ? (
        <Text className="text-ui-fg-error px-6 py-4" role="alert">
          Could not load the history: {error?.message}
        </Text>
      ) : null}
      {entries.length ? (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>When</Table.HeaderCell>
              <Table.HeaderCell>Who</Table.HeaderCell>
              <Table.HeaderCell>What</Table.HeaderCell>
              <Table.HeaderCell>Details</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {entries.map((entry) => (
              <Table.Row key={entry.id} data-testid="coupon-history-row">
                <Table.Cell>{new Date(entry.created_at).toLocaleString()}</Table.Cell>
                <Table.Cell className="font-mono text-xs">{entry.actor_id ?? "system"}</Table.Cell>
                <Table.Cell>{ACTIONS[entry.action] ?? entry.action}</Table.Cell>
                <Table.Cell className="max-w-[480px] truncate" title={describe(entry.changes)}>
                  {describe(entry.changes)}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : data ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No changes recorded.
        </Text>
      ) : null}
    </Container>
  )
}
