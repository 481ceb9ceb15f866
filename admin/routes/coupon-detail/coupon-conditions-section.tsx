import { PencilSquare } from "@medusajs/icons"
import { Container, Heading, IconButton } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { SectionRow } from "../../components/section-row"
import { useStoreCurrency } from "../../hooks/store-currency"
import { formatCombinesWith, formatMoney, formatNumber, formatPerCurrency, formatSelector, joinAnd } from "../../lib/format"
import { useCouponsTranslation } from "../../lib/i18n"
import type { AdminCoupon } from "../../lib/types"

/** Who and what the coupon is for, and what it stacks with: the side column's rules. */
export const CouponConditionsSection = ({ coupon }: { coupon: AdminCoupon }) => {
  const { t, locale, l10n } = useCouponsTranslation()
  const storeCurrency = useStoreCurrency()
  // amounts kept without a currency of their own are in the store's default one
  const money = (amount: number | string, currency: string | null | undefined) =>
    formatMoney(Number(amount), currency ?? storeCurrency ?? "usd", locale)
  const customers = joinAnd(
    [
      coupon.customer_group_ids?.length ? t("detail.conditions.customerGroups", { count: coupon.customer_group_ids.length }) : null,
      coupon.first_order_only ? t("detail.conditions.firstOrderOnly") : null,
      coupon.requires_login ? t("detail.conditions.loggedInOnly") : null,
    ].filter((part): part is string => Boolean(part)),
    l10n
  )
  const eligibleMinimum = [
    coupon.min_quantity ? t("detail.conditions.items", { count: coupon.min_quantity }) : null,
    coupon.min_matching_subtotal ? money(coupon.min_matching_subtotal, coupon.currency_code) : null,
  ].filter((part): part is string => Boolean(part))
  const budget = Object.entries(coupon.budget_limits ?? {}).map(([currency, amount]) => money(amount, currency))
  const excluded = formatSelector(coupon.excluded_targets, l10n)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("detail.conditions.heading")}</Heading>
        <IconButton size="small" variant="transparent" asChild>
          <Link to="edit" aria-label={t("detail.conditions.edit")}>
            <PencilSquare />
          </Link>
        </IconButton>
      </div>
      <SectionRow
        label={t("detail.conditions.minSubtotal")}
        value={
          formatPerCurrency(coupon.min_subtotals, coupon.currency_code, locale) ??
          (coupon.min_subtotal ? money(coupon.min_subtotal, coupon.currency_code) : "—")
        }
      />
      <SectionRow
        label={t("detail.conditions.emailDomains")}
        value={coupon.allowed_email_domains.length ? coupon.allowed_email_domains.join(", ") : t("detail.conditions.anyone")}
      />
      <SectionRow
        label={t("detail.conditions.salesChannels")}
        value={
          coupon.sales_channel_ids.length
            ? t("detail.conditions.selected", { count: coupon.sales_channel_ids.length })
            : t("detail.conditions.everySalesChannel")
        }
      />
      <SectionRow label={t("detail.conditions.combinesWith")} value={formatCombinesWith(coupon, l10n)} />
      {coupon.combinable ? <SectionRow label={t("detail.conditions.priority")} value={formatNumber(coupon.priority ?? 0, locale)} /> : null}
      {coupon.discount_type === "buy_get" ? (
        <SectionRow
          label={t("detail.conditions.itemsToBuy")}
          value={
            coupon.max_applications
              ? t("detail.conditions.buyUpTo", { items: formatSelector(coupon.buy_targets, l10n) ?? "—", count: coupon.max_applications })
              : t("detail.conditions.buyAsOften", { items: formatSelector(coupon.buy_targets, l10n) ?? "—" })
          }
        />
      ) : null}
      <SectionRow
        label={t("detail.conditions.discountedItems")}
        value={formatSelector(coupon.targets, l10n) ?? (coupon.discount_type === "free_shipping" ? "—" : t("detail.conditions.allItems"))}
      />
      {excluded ? <SectionRow label={t("detail.conditions.excludedItems")} value={excluded} /> : null}
      {coupon.shipping_option_ids?.length ? (
        <SectionRow
          label={t("detail.conditions.shippingOptions")}
          value={t("detail.conditions.selected", { count: coupon.shipping_option_ids.length })}
        />
      ) : null}
      <SectionRow label={t("detail.conditions.customers")} value={customers || t("detail.conditions.everyone")} />
      {eligibleMinimum.length ? <SectionRow label={t("detail.conditions.eligibleMinimum")} value={eligibleMinimum.join(", ")} /> : null}
      <SectionRow label={t("detail.conditions.budget")} value={budget.length ? budget.join(", ") : t("detail.conditions.none")} />
    </Container>
  )
}
