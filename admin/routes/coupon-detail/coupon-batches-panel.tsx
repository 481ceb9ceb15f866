import { Button, Input, Label, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { GuessOddsHint } from "../../components/guess-odds-hint"
import { type AdminCouponBatch, useConfirmPlainCodes, useCouponBatches, useGenerateCodes } from "../../hooks/coupons"
import { downloadCsv } from "../../lib/download"
import { formatDate } from "../../lib/format"

const percent = (generated: number, requested: number) => Math.floor((generated / Math.max(1, requested)) * 100)

/** Start a bulk generation and watch every batch's progress until it is done. */
export const CouponBatchesPanel = ({ couponId }: { couponId: string }) => {
  const { data } = useCouponBatches(couponId)
  const generate = useGenerateCodes(couponId)
  const [count, setCount] = useState("1000")
  const [pattern, setPattern] = useState("CODE-##########")
  const batches = [...(data?.batches ?? [])].sort((a, b) => b.created_at.localeCompare(a.created_at))

  const onGenerate = async () => {
    try {
      await generate.mutateAsync({ count: Number(count), pattern })
      toast.success(`Generating ${Number(count).toLocaleString()} codes`)
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <div className="grid grid-cols-1 items-end gap-3 md:grid-cols-[120px_1fr_auto]">
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="batch-count" size="small">
            Codes
          </Label>
          <Input
            id="batch-count"
            size="small"
            type="number"
            min={1}
            max={1000000}
            value={count}
            onChange={(e) => setCount(e.target.value)}
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="batch-pattern" size="small">
            Pattern
          </Label>
          <Input id="batch-pattern" size="small" value={pattern} onChange={(e) => setPattern(e.target.value)} />
        </div>
        <Button size="small" variant="secondary" onClick={onGenerate} isLoading={generate.isPending}>
          Generate codes
        </Button>
      </div>
      <GuessOddsHint pattern={pattern} count={Number(count)} />
      {batches.map((batch) => {
        const done = percent(batch.generated_count, batch.requested_count)
        return (
          <div key={batch.id} className="flex flex-col gap-y-1" data-testid="batch-progress">
            <div className="flex justify-between">
              <Text size="small">{batch.requested_count.toLocaleString()} codes</Text>
              <Text size="small" className={batch.status === "failed" ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
                {batch.status === "failed" ? `Failed: ${batch.error ?? "unknown error"}` : `${done}% · ${batch.status}`}
              </Text>
            </div>
            <div
              className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={done}
              aria-label={`Batch of ${batch.requested_count} codes`}
            >
              <div className="bg-ui-fg-interactive h-full transition-all" style={{ width: `${done}%` }} />
            </div>
            {batch.plain_codes_downloadable ? <PlainCodesActions couponId={couponId} batch={batch} /> : null}
          </div>
        )
      })}
    </div>
  )
}

/**
 * A hashed batch's plain codes: downloadable as often as needed, deleted on
 * the server once the admin confirms they were saved (or when the window ends).
 */
const PlainCodesActions = ({ couponId, batch }: { couponId: string; batch: AdminCouponBatch }) => {
  const prompt = usePrompt()
  const confirmSaved = useConfirmPlainCodes(couponId)

  const onDownload = async () => {
    try {
      await downloadCsv(`/admin/coupons/${couponId}/code-batches/${batch.id}/codes`, `coupon-${couponId}-batch-${batch.id}-codes.csv`)
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  const onConfirm = async () => {
    const confirmed = await prompt({
      title: "Saved the codes?",
      description: "The plain codes are deleted from the store. They are kept only as digests and cannot be shown again.",
      confirmText: "Delete plain codes",
      cancelText: "Cancel",
    })
    if (!confirmed) {
      return
    }
    try {
      await confirmSaved.mutateAsync(batch.id)
      toast.success("Plain codes deleted from the store")
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="batch-plain-codes">
      <Text size="small" className="text-ui-fg-subtle">
        Codes are stored hashed. Download them, save the file, then confirm; otherwise they are deleted on{" "}
        {formatDate(batch.plain_codes_downloadable_until)}.
      </Text>
      <Button size="small" variant="secondary" onClick={onDownload}>
        Download codes
      </Button>
      <Button size="small" variant="secondary" onClick={onConfirm} isLoading={confirmSaved.isPending}>
        I have saved the codes
      </Button>
    </div>
  )
}
