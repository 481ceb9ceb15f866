import { Button, Text, toast } from "@medusajs/ui"
import { useRef, useState } from "react"
import { FormField } from "../../components/form-field"
import { useRouteModal } from "../../components/route-modal"
import { useImportCodes } from "../../hooks/coupon-codes"
import { AdminRequestError } from "../../lib/admin-fetch"
import { formatNumber } from "../../lib/format"
import { useCouponsTranslation } from "../../lib/i18n"
import { CouponDrawerForm, CouponDrawerRoute } from "./coupon-drawer-form"

type LineError = { line: number; code?: string; error: string }

/** /coupons/:id/import: a CSV of codes, imported all or nothing; each bad line is listed. */
export const CouponImportRoute = () => <CouponDrawerRoute form={ImportCodesForm} />

const ImportCodesForm = ({ couponId }: { couponId: string }) => {
  const { t, locale } = useCouponsTranslation()
  const { close } = useRouteModal()
  const importCodes = useImportCodes(couponId)
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [lineErrors, setLineErrors] = useState<LineError[]>([])

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault()
    if (!file) {
      return
    }
    setProblem(null)
    setLineErrors([])
    try {
      const result = await importCodes.mutateAsync(await file.text())
      toast.success(t("detail.import.done", { count: result.imported, formatted: formatNumber(result.imported, locale) }))
      close()
    } catch (error) {
      const lines = error instanceof AdminRequestError && Array.isArray(error.body.errors) ? (error.body.errors as LineError[]) : []
      setLineErrors(lines)
      // the lines say what is wrong; the summary above them in the admin's language
      setProblem(lines.length ? t("detail.import.refused", { count: lines.length }) : (error as Error).message)
    }
  }

  return (
    <CouponDrawerForm
      title={t("detail.import.title")}
      description={t("detail.import.description")}
      submitLabel={t("detail.import.submit")}
      onSubmit={onSubmit}
      isPending={importCodes.isPending}
      canSubmit={Boolean(file)}
      problem={problem}
    >
      <FormField id="import-file" label={t("detail.import.file")}>
        {/* the browser's own file input speaks the browser's language, not the admin's */}
        <input
          ref={input}
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          className="sr-only"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <div className="flex items-center gap-x-3">
          <Button size="small" variant="secondary" type="button" onClick={() => input.current?.click()}>
            {t("detail.import.choose")}
          </Button>
          <Text size="small" className="text-ui-fg-subtle truncate">
            {file ? file.name : t("detail.import.noFile")}
          </Text>
        </div>
      </FormField>
      {lineErrors.length ? (
        <ul className="text-ui-fg-error flex flex-col gap-y-1" aria-label={t("detail.import.errors")}>
          {lineErrors.map((lineError) => (
            <li key={`${lineError.line}-${lineError.error}`}>
              <Text size="small">
                {lineError.code
                  ? t("detail.import.lineWithCode", { line: lineError.line, code: lineError.code, error: lineError.error })
                  : t("detail.import.line", { line: lineError.line, error: lineError.error })}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </CouponDrawerForm>
  )
}
