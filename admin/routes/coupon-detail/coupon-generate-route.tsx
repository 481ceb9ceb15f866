import { Button, Drawer, Input, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useParams } from "react-router-dom"
import { FormField } from "../../components/form-field"
import { GuessOddsHint } from "../../components/guess-odds-hint"
import { RouteDrawer, useRouteModal } from "../../components/route-modal"
import { useGenerateCodes } from "../../hooks/coupons"
import { formatNumber } from "../../lib/format"
import { useCouponsTranslation } from "../../lib/i18n"

const MAX_CODES = 1_000_000

/** /coupons/:id/generate: how many unique codes, in which pattern; the progress then shows on the detail page. */
export const CouponGenerateRoute = () => {
  const { id } = useParams()
  return (
    <RouteDrawer closeTo={`/coupons/${id}`}>
      <GenerateCodesForm couponId={id!} />
    </RouteDrawer>
  )
}

const GenerateCodesForm = ({ couponId }: { couponId: string }) => {
  const { t, locale } = useCouponsTranslation()
  const { close } = useRouteModal()
  const generate = useGenerateCodes(couponId)
  const [count, setCount] = useState("")
  const [pattern, setPattern] = useState("")
  const [problem, setProblem] = useState<string | null>(null)
  const wanted = Number(count)

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault()
    setProblem(null)
    try {
      await generate.mutateAsync({ count: wanted, pattern })
      toast.success(t("detail.generate.started", { count: wanted, formatted: formatNumber(wanted, locale) }))
      close()
    } catch (error) {
      setProblem((error as Error).message)
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden" noValidate>
      <Drawer.Header>
        <Drawer.Title>{t("detail.generate.title")}</Drawer.Title>
        <Drawer.Description>{t("detail.generate.description")}</Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <FormField
          id="generate-count"
          label={t("detail.generate.count")}
          hint={t("detail.generate.countHint", { max: formatNumber(MAX_CODES, locale) })}
        >
          <Input
            id="generate-count"
            type="number"
            min={1}
            max={MAX_CODES}
            placeholder="1000"
            value={count}
            onChange={(e) => setCount(e.target.value)}
          />
        </FormField>
        <FormField id="generate-pattern" label={t("detail.generate.pattern")} hint={<GuessOddsHint pattern={pattern} count={wanted} />}>
          <Input
            id="generate-pattern"
            placeholder={t("detail.generate.patternPlaceholder")}
            value={pattern}
            onChange={(e) => setPattern(e.target.value)}
          />
        </FormField>
        {problem ? (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {problem}
          </Text>
        ) : null}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            {t("common.cancel")}
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={generate.isPending} disabled={!(wanted > 0) || !pattern.trim()}>
          {t("detail.generate.submit")}
        </Button>
      </Drawer.Footer>
    </form>
  )
}
