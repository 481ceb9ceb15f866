import { Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { type AdminCouponBatch, useConfirmPlainCodes, useCouponBatches } from "../../hooks/coupons"
import { downloadCsv } from "../../lib/download"
import { formatDate, formatNumber, formatPercent } from "../../lib/format"
import { useCouponsTranslation } from "../../lib/i18n"

const percent = (generated: number, requested: number) => Math.floor((generated / Math.max(1, requested)) * 100)

/** Every bulk generation of the coupon with its progress, newest first; the plain codes of a hashed batch to save. */
export const CouponBatchesSection = ({ couponId }: { couponId: string }) => {
  const { t, locale } = useCouponsTranslation()
  const { data } = useCouponBatches(couponId)
  const batches = [...(data?.batches ?? [])].sort((a, b) => b.created_at.localeCompare(a.created_at))

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("detail.batches.heading")}</Heading>
        <Button size="small" variant="secondary" asChild>
          <Link to="generate">{t("detail.batches.generate")}</Link>
        </Button>
      </div>
      {batches.length ? (
        batches.map((batch) => {
          const done = percent(batch.generated_count, batch.requested_count)
          return (
            <div key={batch.id} className="flex flex-col gap-y-2 px-6 py-4" data-testid="batch-progress">
              <div className="flex justify-between gap-x-2">
                <Text size="small" weight="plus">
                  {t("detail.batches.codes", { count: batch.requested_count, formatted: formatNumber(batch.requested_count, locale) })}
                </Text>
                <Text size="small" className={batch.status === "failed" ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
                  {batch.status === "failed"
                    ? t("detail.batches.failed", { error: batch.error ?? t("detail.batches.unknownError") })
                    : `${formatPercent(done, locale)} · ${t(`detail.batches.status.${batch.status}`, { defaultValue: batch.status })}`}
                </Text>
              </div>
              <div
                className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full"
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={done}
                aria-label={t("detail.batches.progress", { formatted: formatNumber(batch.requested_count, locale) })}
              >
                <div className="bg-ui-fg-interactive h-full transition-all" style={{ width: `${done}%` }} />
              </div>
              <Text size="xsmall" className="text-ui-fg-muted">
                {formatDate(batch.created_at, locale)}
              </Text>
              {batch.plain_codes_downloadable ? <PlainCodesActions couponId={couponId} batch={batch} /> : null}
            </div>
          )
        })
      ) : (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {t("detail.batches.none")}
        </Text>
      )}
    </Container>
  )
}

/**
 * A hashed batch's plain codes: downloadable as often as needed, deleted on
 * the server once the admin confirms they were saved (or when the window ends).
 */
const PlainCodesActions = ({ couponId, batch }: { couponId: string; batch: AdminCouponBatch }) => {
  const { t, locale } = useCouponsTranslation()
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
      title: t("detail.batches.confirmTitle"),
      description: t("detail.batches.confirmDescription"),
      confirmText: t("detail.batches.confirmDelete"),
      cancelText: t("common.cancel"),
    })
    if (!confirmed) {
      return
    }
    try {
      await confirmSaved.mutateAsync(batch.id)
      toast.success(t("detail.batches.plainDeleted"))
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="batch-plain-codes">
      <Text size="small" className="text-ui-fg-subtle">
        {t("detail.batches.hashedHint", { date: formatDate(batch.plain_codes_downloadable_until, locale) })}
      </Text>
      <Button size="small" variant="secondary" onClick={onDownload}>
        {t("detail.batches.download")}
      </Button>
      <Button size="small" variant="secondary" onClick={onConfirm} isLoading={confirmSaved.isPending}>
        {t("detail.batches.saved")}
      </Button>
    </div>
  )
}
