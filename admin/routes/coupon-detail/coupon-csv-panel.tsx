import { Button, Text, toast } from "@medusajs/ui"
import { useRef, useState } from "react"
import { useImportCodes } from "../../hooks/coupon-codes"
import { downloadCsv } from "../../lib/download"

type LineError = { line: number; code?: string; error: string }

/** CSV export of every code, and an all-or-nothing import that lists each bad line. */
export const CouponCsvPanel = ({ couponId }: { couponId: string }) => {
  const input = useRef<HTMLInputElement>(null)
  const importCodes = useImportCodes(couponId)
  const [lineErrors, setLineErrors] = useState<LineError[]>([])

  const onExport = async () => {
    try {
      await downloadCsv(`/admin/coupons/${couponId}/codes/export`, `coupon-codes-${couponId}.csv`)
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  const onFile = async (file: File | undefined) => {
    if (!file) {
      return
    }
    setLineErrors([])
    try {
      const result = await importCodes.mutateAsync(await file.text())
      toast.success(`Imported ${result.imported} codes`)
    } catch (error) {
      const errors = ((error as { errors?: LineError[] }).errors ?? []) as LineError[]
      setLineErrors(errors)
      toast.error((error as Error).message)
    } finally {
      if (input.current) {
        input.current.value = ""
      }
    }
  }

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <div className="flex gap-x-2">
        <Button size="small" variant="secondary" onClick={onExport}>
          Export CSV
        </Button>
        <Button size="small" variant="secondary" onClick={() => input.current?.click()} isLoading={importCodes.isPending}>
          Import CSV
        </Button>
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          className="hidden"
          aria-label="CSV file to import"
          onChange={(e) => onFile(e.target.files?.[0])}
        />
      </div>
      {lineErrors.length ? (
        <ul className="text-ui-fg-error flex flex-col gap-y-1" role="alert" aria-label="Import errors">
          {lineErrors.map((lineError) => (
            <li key={`${lineError.line}-${lineError.error}`}>
              <Text size="small">
                Line {lineError.line}
                {lineError.code ? ` (${lineError.code})` : ""}: {lineError.error}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
