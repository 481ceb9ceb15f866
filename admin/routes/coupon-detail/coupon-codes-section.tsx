import { Badge, Button, Container, Heading, Input, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useCouponCodes, useUpdateCouponCode } from "../../hooks/coupon-codes"
import { formatDate } from "../../lib/format"
import { CouponBatchesPanel } from "./coupon-batches-panel"
import { CouponCsvPanel } from "./coupon-csv-panel"

const PAGE = 10

export const CouponCodesSection = ({ couponId }: { couponId: string }) => {
  const [q, setQ] = useState("")
  const [page, setPage] = useState(0)
  const { data, isLoading, isError, error } = useCouponCodes(couponId, { limit: PAGE, offset: page * PAGE, ...(q ? { q } : {}) })
  const update = useUpdateCouponCode(couponId)
  const pages = Math.max(1, Math.ceil((data?.count ?? 0) / PAGE))

  const toggle = async (codeId: string, status: "active" | "disabled") => {
    try {
      await update.mutateAsync({ code_id: codeId, status })
      toast.success(status === "disabled" ? "Code disabled" : "Code enabled")
    } catch (e) {
      toast.error((e as Error).message)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">
          Codes{" "}
          {data ? (
            <Text as="span" size="small" className="text-ui-fg-subtle">
              ({data.count.toLocaleString()})
            </Text>
          ) : null}
        </Heading>
        <Input
          size="small"
          type="search"
          placeholder="Search codes"
          aria-label="Search codes"
          value={q}
          onChange={(e) => {
            setQ(e.target.value)
            setPage(0)
          }}
          className="w-56"
        />
      </div>
      {isError ? (
        <Text className="text-ui-fg-error px-6 py-4" role="alert">
          Could not load codes: {error?.message}
        </Text>
      ) : !isLoading && !data?.codes.length ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {q ? "No code matches." : "No codes yet: generate or import some."}
        </Text>
      ) : (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Code</Table.HeaderCell>
                <Table.HeaderCell>Usage</Table.HeaderCell>
                <Table.HeaderCell>Assigned to</Table.HeaderCell>
                <Table.HeaderCell>Expires</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(data?.codes ?? []).map((code) => (
                <Table.Row key={code.id} data-testid="coupon-code-row">
                  <Table.Cell className="font-mono">{code.code}</Table.Cell>
                  <Table.Cell className="tabular-nums">
                    {code.usage_count} / {code.usage_limit ?? "∞"}
                  </Table.Cell>
                  <Table.Cell>{code.assigned_email ?? code.assigned_customer_id ?? "—"}</Table.Cell>
                  <Table.Cell>{formatDate(code.expires_at)}</Table.Cell>
                  <Table.Cell>
                    <Badge size="2xsmall" color={code.status === "active" ? "green" : "grey"}>
                      {code.status === "active" ? "Active" : "Disabled"}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    <Button
                      size="small"
                      variant="transparent"
                      onClick={() => toggle(code.id, code.status === "active" ? "disabled" : "active")}
                    >
                      {code.status === "active" ? "Disable" : "Enable"}
                    </Button>
                  </Table.Cell>
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
      <CouponBatchesPanel couponId={couponId} />
      <CouponCsvPanel couponId={couponId} />
    </Container>
  )
}
