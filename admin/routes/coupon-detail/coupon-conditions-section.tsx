import { Container, Heading, IconButton } from "@medusajs/ui"
import { PencilSquare } from "@medusajs/icons"
import { Link } from "react-router-dom"
import { SectionRow } from "../../components/section-row"
import { formatCombinesWith, formatMoney, formatPerCurrency, formatSelector } from "../../lib/format"
import type { AdminCoupon } from "../../lib/types"

/** Who and what the coupon is for, and what it stacks with: the side column's rules. */
export const CouponConditionsSection = ({ coupon }: { coupon: AdminCoupon }) => (
  <Container className="divide-y p-0">
    <div className="flex items-center justify-between px-6 py-4">
      <Heading level="h2">Conditions</Heading>
      <IconButton size="small" variant="transparent" asChild>
        <Link to="edit" aria-label="Edit conditions">
          <PencilSquare />
        </Link>
      </IconButton>
    </div>
    <SectionRow
      label="Minimum subtotal"
      value={
        formatPerCurrency(coupon.min_subtotals, coupon.currency_code) ??
        (coupon.min_subtotal ? formatMoney(Number(coupon.min_subtotal), coupon.currency_code ?? "usd") : "—")
      }
    />
    <SectionRow label="Email domains" value={coupon.allowed_email_domains.length ? coupon.allowed_email_domains.join(", ") : "Anyone"} />
    <SectionRow
      label="Sales channels"
      value={coupon.sales_channel_ids.length ? `${coupon.sales_channel_ids.length} selected` : "Every sales channel"}
    />
    <SectionRow label="Combines with" value={formatCombinesWith(coupon)} />
    {coupon.combinable ? <SectionRow label="Priority" value={String(coupon.priority ?? 0)} /> : null}
    {coupon.discount_type === "buy_get" ? (
      <SectionRow
        label="Items to buy"
        value={`${formatSelector(coupon.buy_targets) ?? "—"}${coupon.max_applications ? `, up to ${coupon.max_applications}× per order` : ", as often as the cart fits"}`}
      />
    ) : null}
    <SectionRow
      label="Discounted items"
      value={formatSelector(coupon.targets) ?? (coupon.discount_type === "free_shipping" ? "—" : "All items")}
    />
    {formatSelector(coupon.excluded_targets) ? <SectionRow label="Excluded items" value={formatSelector(coupon.excluded_targets)} /> : null}
    {coupon.shipping_option_ids?.length ? (
      <SectionRow label="Shipping options" value={`${coupon.shipping_option_ids.length} selected`} />
    ) : null}
    <SectionRow
      label="Customers"
      value={
        [
          coupon.customer_group_ids?.length
            ? `${coupon.customer_group_ids.length} customer group${coupon.customer_group_ids.length === 1 ? "" : "s"}`
            : null,
          coupon.first_order_only ? "first order only" : null,
          coupon.requires_login ? "logged in only" : null,
        ]
          .filter(Boolean)
          .join(", ") || "Everyone"
      }
    />
    {coupon.min_quantity || coupon.min_matching_subtotal ? (
      <SectionRow
        label="Minimum of eligible items"
        value={[
          coupon.min_quantity ? `${coupon.min_quantity} items` : null,
          coupon.min_matching_subtotal ? formatMoney(Number(coupon.min_matching_subtotal), coupon.currency_code ?? "usd") : null,
        ]
          .filter(Boolean)
          .join(", ")}
      />
    ) : null}
    <SectionRow
      label="Spend budget"
      value={
        Object.entries(coupon.budget_limits ?? {})
          .map(([currency, amount]) => formatMoney(Number(amount), currency))
          .join(", ") || "None"
      }
    />
  </Container>
)
