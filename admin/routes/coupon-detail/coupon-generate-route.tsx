import { Input, toast } from "@medusajs/ui"
import { useState } from "react"
import { FormField } from "../../components/form-field"
import { GuessOddsHint } from "../../components/guess-odds-hint"
import { useRouteModal } from "../../components/route-modal"
import { useGenerateCodes } from "../../hooks/coupons"
import { formatNumber } from "../../lib/format"
import { useCouponsTranslation } from "../../lib/i18n"
import { CouponDrawerForm, CouponDrawerRoute } from "./coupon-drawer-form"

const MAX_CODES = 1_000_000

/** /coupons/:id/generate: how many unique codes, in which pattern; the progress then shows on the detail page. */
export const CouponGenerateRoute = () => <CouponDrawerRoute form={GenerateCodesForm} />

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
    <CouponDrawerForm
      title={t("detail.generate.title")}
      description={t("detail.generate.description")}
      submitLabel={t("detail.generate.submit")}
      onSubmit={onSubmit}
      isPending={generate.isPending}
      canSubmit={wanted > 0 && Boolean(pattern.trim())}
      problem={problem}
    >
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
    </CouponDrawerForm>
  )
}
