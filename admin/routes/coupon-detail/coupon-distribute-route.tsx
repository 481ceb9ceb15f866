import { Input, Label, RadioGroup, Select, Textarea, toast } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { FormField } from "../../components/form-field"
import { useRouteModal } from "../../components/route-modal"
import { useDistributeCodes } from "../../hooks/coupon-distributions"
import { useCouponBatches } from "../../hooks/coupons"
import { formatDate, formatNumber } from "../../lib/format"
import { useCouponsTranslation } from "../../lib/i18n"
import { CouponDrawerForm, CouponDrawerRoute } from "./coupon-drawer-form"
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
export const CouponDistributeRoute = () => <CouponDrawerRoute form={DistributionForm} />

const SOURCES = ["emails", "group"] as const

const DistributionForm = ({ couponId }: { couponId: string }) => {
  const { t, locale } = useCouponsTranslation()
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
      const sent = t("detail.distribute.sent", {
        count: distribution.assigned_count,
        formatted: formatNumber(distribution.assigned_count, locale),
      })
      toast.success(
        distribution.skipped_count
          ? t("detail.distribute.sentSkipped", { sent, skipped: formatNumber(distribution.skipped_count, locale) })
          : sent
      )
      close()
    } catch (error) {
      setProblem((error as Error).message)
    }
  }

  return (
    <CouponDrawerForm
      title={t("detail.distribute.title")}
      description={t("detail.distribute.description")}
      submitLabel={t("detail.distribute.submit")}
      onSubmit={onSubmit}
      isPending={distribute.isPending}
      canSubmit={source === "emails" ? list.length > 0 : Boolean(groupId)}
      problem={problem}
    >
      <RadioGroup
        value={source}
        onValueChange={(value) => setSource(value as "emails" | "group")}
        aria-label={t("detail.distribute.recipients")}
        className="flex gap-x-6"
      >
        {SOURCES.map((option) => (
          <div key={option} className="flex items-center gap-x-2">
            <RadioGroup.Item value={option} id={`distribution-source-${option}`} />
            <Label htmlFor={`distribution-source-${option}`} size="small">
              {t(`detail.distribute.source.${option}`)}
            </Label>
          </div>
        ))}
      </RadioGroup>
      <div className="flex flex-col gap-y-6">
        {source === "emails" ? (
          <FormField
            id="distribution-emails"
            label={t("detail.distribute.emails")}
            hint={t("detail.distribute.emailsHint", { count: list.length, formatted: formatNumber(list.length, locale) })}
          >
            <Textarea
              id="distribution-emails"
              rows={4}
              placeholder={t("detail.distribute.emailsPlaceholder")}
              value={emails}
              onChange={(event) => setEmails(event.target.value)}
            />
          </FormField>
        ) : (
          <FormField id="distribution-group" label={t("detail.distribute.source.group")}>
            <Select value={groupId} onValueChange={setGroupId}>
              <Select.Trigger id="distribution-group">
                <Select.Value placeholder={t("detail.distribute.chooseGroup")} />
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
        <FormField id="distribution-batch" label={t("detail.distribute.codesFrom")} hint={t("detail.distribute.codesFromHint")}>
          <Select value={batchId} onValueChange={setBatchId}>
            <Select.Trigger id="distribution-batch">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="any">{t("detail.distribute.anyCode")}</Select.Item>
              {(batches.data?.batches ?? []).map((batch) => (
                <Select.Item key={batch.id} value={batch.id}>
                  {t("detail.distribute.batch", {
                    formatted: formatNumber(batch.requested_count, locale),
                    date: formatDate(batch.created_at, locale),
                  })}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </FormField>
        <FormField id="distribution-valid-for-days" label={t("detail.distribute.validFor")} hint={t("detail.distribute.validForHint")}>
          <Input
            id="distribution-valid-for-days"
            type="number"
            min={1}
            max={3650}
            step={1}
            placeholder={t("detail.distribute.validForPlaceholder")}
            value={validForDays}
            onChange={(event) => setValidForDays(event.target.value)}
          />
        </FormField>
      </div>
    </CouponDrawerForm>
  )
}
