import { PencilSquare, SquareTwoStack, Trash } from "@medusajs/icons"
import { formatLimit } from "../../components/usage-period-select"
import { Container, Heading, Switch, Text, toast, usePrompt } from "@medusajs/ui"
import { SectionRow } from "../../components/section-row"
import { useStoreCurrency } from "../../hooks/store-currency"
import { useNavigate } from "react-router-dom"
import { ActionMenu } from "../../components/action-menu"
import { CouponStatusBadge } from "../../components/coupon-status-badge"
import { useDeleteCoupon, useDuplicateCoupon, useUpdateCoupon } from "../../hooks/coupons"
import { formatDiscount, formatMoney, formatNumber, formatPerCurrency, validityOf } from "../../lib/format"
import { useCouponsTranslation } from "../../lib/i18n"
import type { AdminCoupon } from "../../lib/types"

/** What the coupon gives and how often: the header with its status and actions, then the discount and usage. */
export const CouponGeneralSection = ({ coupon }: { coupon: AdminCoupon }) => {
  const { t, locale, l10n } = useCouponsTranslation()
  const storeCurrency = useStoreCurrency()
  const navigate = useNavigate()
  const prompt = usePrompt()
  const update = useUpdateCoupon(coupon.id)
  const remove = useDeleteCoupon(coupon.id)
  const duplicate = useDuplicateCoupon(coupon.id)

  const onDuplicate = async () => {
    try {
      const { coupon: copy } = await duplicate.mutateAsync()
      toast.success(t("detail.general.duplicated", { name: copy.name }))
      navigate(`/coupons/${copy.id}`)
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  const toggle = async (active: boolean) => {
    try {
      await update.mutateAsync({ status: active ? "active" : "inactive" })
      toast.success(active ? t("detail.general.activated") : t("detail.general.deactivated"))
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  const onDelete = async () => {
    const confirmed = await prompt({
      title: t("detail.general.deleteTitle"),
      description: t("detail.general.deleteDescription"),
      verificationText: coupon.name,
      verificationInstruction: t("detail.general.deleteVerification"),
      confirmText: t("detail.general.delete"),
      cancelText: t("common.cancel"),
    })
    if (!confirmed) {
      return
    }
    try {
      await remove.mutateAsync()
      toast.success(t("detail.general.deleted", { name: coupon.name }))
      navigate("/coupons", { replace: true })
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-x-3">
          <Heading>{coupon.name}</Heading>
          <CouponStatusBadge coupon={coupon} />
        </div>
        <div className="flex items-center gap-x-2">
          <label className="flex items-center gap-x-2">
            <Switch
              checked={coupon.status === "active"}
              onCheckedChange={toggle}
              disabled={update.isPending}
              aria-label={t("detail.general.active")}
            />
            <Text size="small">{t("detail.general.active")}</Text>
          </label>
          <ActionMenu
            label={t("common.actions")}
            groups={[
              [
                { label: t("detail.general.edit"), icon: <PencilSquare />, onClick: () => navigate("edit") },
                { label: t("detail.general.duplicate"), icon: <SquareTwoStack />, onClick: onDuplicate, disabled: duplicate.isPending },
              ],
              [{ label: t("detail.general.delete"), icon: <Trash />, onClick: onDelete, disabled: remove.isPending }],
            ]}
          />
        </div>
      </div>
      {coupon.description ? <SectionRow label={t("detail.general.description")} value={coupon.description} /> : null}
      <SectionRow label={t("detail.general.discount")} value={formatDiscount(coupon, l10n)} />
      {coupon.discount_type === "percentage" ? (
        <SectionRow
          label={t("detail.general.maxDiscount")}
          value={
            formatPerCurrency(coupon.max_discount_amounts, coupon.currency_code, locale) ??
            (coupon.max_discount_amount == null
              ? t("detail.general.noCap")
              : formatMoney(Number(coupon.max_discount_amount), coupon.currency_code ?? storeCurrency ?? "usd", locale))
          }
        />
      ) : null}
      <SectionRow
        label={t("detail.general.appliesTo")}
        value={t(
          coupon.discount_type === "free_shipping"
            ? "detail.general.shipping"
            : coupon.target === "items"
              ? "detail.general.eachItem"
              : "detail.general.wholeOrder"
        )}
      />
      <SectionRow label={t("detail.general.valid")} value={validityOf(coupon, l10n)} />
      <SectionRow
        label={t("detail.general.usage")}
        value={
          coupon.usage_limit_period
            ? t("detail.general.usageInPeriod", {
                used: formatNumber(coupon.usage_count, locale),
                limit: formatLimit(coupon.usage_limit, coupon.usage_limit_period, l10n),
              })
            : t("detail.general.usageTotal", {
                used: formatNumber(coupon.usage_count, locale),
                limit: formatLimit(coupon.usage_limit, null, l10n),
              })
        }
      />
      <SectionRow
        label={t("detail.general.perCustomer")}
        value={formatLimit(coupon.usage_limit_per_customer, coupon.usage_limit_per_customer_period, l10n)}
      />
    </Container>
  )
}
