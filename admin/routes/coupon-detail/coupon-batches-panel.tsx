import { Button, Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { GuessOddsHint } from "../../components/guess-odds-hint"
import { useCouponBatches, useGenerateCodes } from "../../hooks/coupons"

const percent = (generated: number, requested: number) => Math.floor((generated / Math.max(1, requested)) * 100)

/** Start a bulk generation and watch every batch's progress until it is done. */
export const CouponBatchesPanel = ({ couponId }: { couponId: string }) => {
  const { data } = useCouponBatches(couponId)
  const generate = useGenerateCodes(couponId)
  const [count, setCount] = useState("1000")
  const [pattern, setPattern] = useState("CODE-##########")
  const batches = [...(data?.coupon.batches ?? [])].sort((a, b) => b.created_at.localeCompare(a.created_at))

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
          <Label htmlFor="batch-count" size="small">Codes</Label>
          <Input id="batch-count" size="small" type="number" min={1} max={1000000} value={count} onChange={(e) => setCount(e.target.value)} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="batch-pattern" size="small">Pattern</Label>
          <Input id="batch-pattern" size="small" value={pattern} onChange={(e) => setPattern(e.target.value)} />
        </div>
        <Button size="small" variant="secondary" onClick={onGenerate} isLoading={generate.isPending}>Generate codes</Button>
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
          </div>
        )
      })}
    </div>
  )
}

