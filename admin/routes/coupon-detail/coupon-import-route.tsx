import { Button, Drawer, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useParams } from "react-router-dom"
import { FormField } from "../../components/form-field"
import { RouteDrawer, useRouteModal } from "../../components/route-modal"
import { useImportCodes } from "../../hooks/coupon-codes"

type LineError = { line: number; code?: string; error: string }

/** /coupons/:id/import: a CSV of codes, imported all or nothing; each bad line is listed. */
export const CouponImportRoute = () => {
  const { id } = useParams()
  return (
    <RouteDrawer closeTo={`/coupons/${id}`}>
      <ImportCodesForm couponId={id!} />
    </RouteDrawer>
  )
}

const ImportCodesForm = ({ couponId }: { couponId: string }) => {
  const { close } = useRouteModal()
  const importCodes = useImportCodes(couponId)
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
      toast.success(`Imported ${result.imported.toLocaleString()} codes`)
      close()
    } catch (error) {
      setLineErrors(((error as { errors?: LineError[] }).errors ?? []) as LineError[])
      setProblem((error as Error).message)
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden" noValidate>
      <Drawer.Header>
        <Drawer.Title>Import codes</Drawer.Title>
        <Drawer.Description>
          A CSV with a header row and a column code (optional: usage_limit, expires_at, assigned_email, status); an export can be imported
          again. Nothing is imported if one line is wrong.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <FormField id="import-file" label="CSV file">
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            className="text-ui-fg-subtle txt-compact-small"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </FormField>
        {problem ? (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {problem}
          </Text>
        ) : null}
        {lineErrors.length ? (
          <ul className="text-ui-fg-error flex flex-col gap-y-1" aria-label="Import errors">
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
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={importCodes.isPending} disabled={!file}>
          Import
        </Button>
      </Drawer.Footer>
    </form>
  )
}
