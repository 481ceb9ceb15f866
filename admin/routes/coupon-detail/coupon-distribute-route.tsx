import { Button, Drawer, Input, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useParams } from "react-router-dom"
import { FormField } from "../../components/form-field"
import { RouteDrawer, useRouteModal } from "../../components/route-modal"
import { useDistributeCodes } from "../../hooks/coupon-distributions"
import { useCouponBatches } from "../../hooks/coupons"
import { sdk } from "../../lib/sdk"

const splitEmails = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((email) => email.trim())
      .filter(Boolean)
  ),
]

/** /coupons/:id/distribute: send one unused code to each of a pasted list of emails, or a customer group, optionally from one batch. */
export const CouponDistributeRoute = () => {
  const { id } = useParams()
  return (
    <RouteDrawer closeTo={`/coupons/${id}`}>
      <DistributionForm couponId={id!} />
    </RouteDrawer>
  )
}

const DistributionForm = ({ couponId }: { couponId: string }) => {
  const { close } = useRouteModal()
  const [source, setSource] = useState<"emails" | "group">("emails")
  const [emails, setEmails] = useState("")
  const [groupId, setGroupId] = useState("")
  const [batchId, setBatchId] = useState("any")
  const [validForDays, setValidForDays] = useState("")
  const [problem, setProblem] = useState<string | null>(null)
  const distribute = useDistributeCodes(couponId)
  const batches = useCouponBatches(couponId)
  const groups = useQuery({
    queryKey: ["coupon-picker", "customer_groups", "distribution"],
    queryFn: () => sdk.admin.customerGroup.list({ limit: 100, fields: "id,name" }),
    enabled: source === "group",
  })
  const list = splitEmails(emails)

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault()
    setProblem(null)
    try {
      const { distribution } = await distribute.mutateAsync({
        ...(source === "emails" ? { emails: list } : { customer_group_id: groupId }),
        ...(batchId !== "any" ? { batch_id: batchId } : {}),
        ...(validForDays.trim() ? { valid_for_days: Number(validForDays) } : {}),
      })
      toast.success(
        `Sent ${distribution.assigned_count.toLocaleString()} code${distribution.assigned_count === 1 ? "" : "s"}` +
          (distribution.skipped_count ? ` (${distribution.skipped_count} already had one)` : "")
      )
      close()
    } catch (error) {
      setProblem((error as Error).message)
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden" aria-label="Send codes" noValidate>
      <Drawer.Header>
        <Drawer.Title>Send codes</Drawer.Title>
        <Drawer.Description>
          One unused code to each customer, by email. The codes table then shows who holds which code.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <div role="radiogroup" aria-label="Recipients" className="flex gap-x-4">
          {(["emails", "group"] as const).map((option) => (
            <label key={option} className="flex items-center gap-x-2">
              <input type="radio" name="distribution-source" checked={source === option} onChange={() => setSource(option)} />
              <Text size="small">{option === "emails" ? "Email addresses" : "Customer group"}</Text>
            </label>
          ))}
        </div>
        <div className="flex flex-col gap-y-6">
          {source === "emails" ? (
            <FormField
              id="distribution-emails"
              label="Emails"
              hint={`${list.length.toLocaleString()} address${list.length === 1 ? "" : "es"}; one code each`}
            >
              <Textarea
                id="distribution-emails"
                rows={4}
                placeholder={"ana@example.com\nbo@example.com"}
                value={emails}
                onChange={(event) => setEmails(event.target.value)}
              />
            </FormField>
          ) : (
            <FormField id="distribution-group" label="Customer group">
              <Select value={groupId} onValueChange={setGroupId}>
                <Select.Trigger id="distribution-group">
                  <Select.Value placeholder="Choose a group" />
                </Select.Trigger>
                <Select.Content>
                  {(groups.data?.customer_groups ?? []).map((group) => (
                    <Select.Item key={group.id} value={group.id}>
                      {group.name ?? group.id}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>
          )}
          <FormField id="distribution-batch" label="Codes from" hint="Only unused codes nobody holds yet are sent">
            <Select value={batchId} onValueChange={setBatchId}>
              <Select.Trigger id="distribution-batch">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="any">Any of this coupon's codes</Select.Item>
                {(batches.data?.batches ?? []).map((batch) => (
                  <Select.Item
                    key={batch.id}
                    value={batch.id}
                  >{`Batch of ${batch.requested_count.toLocaleString()} (${new Date(batch.created_at).toLocaleDateString()})`}</Select.Item>
                ))}
              </Select.Content>
            </Select>
          </FormField>
          <FormField
            id="distribution-valid-for-days"
            label="Valid for (days)"
            hint="Each code expires this many days after it is sent; empty keeps the codes' own dates"
          >
            <Input
              id="distribution-valid-for-days"
              type="number"
              min={1}
              max={3650}
              step={1}
              placeholder="e.g. 14"
              value={validForDays}
              onChange={(event) => setValidForDays(event.target.value)}
            />
          </FormField>
        </div>
        {problem ? (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {problem}
          </Text>
        ) : null}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={distribute.isPending} disabled={source === "emails" ? !list.length : !groupId}>
          Send codes
        </Button>
      </Drawer.Footer>
    </form>
  )
}
