import { PencilSquare, SquareTwoStack, Trash } from "@medusajs/icons"
import { formatLimit } from "../../components/usage-period-select"
import { Container, Heading, Switch, Text, toast, usePrompt } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { ActionMenu } from "../../components/action-menu"
import { CouponStatusBadge } from "../../components/coupon-status-badge"
import { useDeleteCoupon, useDuplicateCoupon, useUpdateCoupon } from "../../hooks/coupons"
import { formatCombinesWith, formatDiscount, formatMoney, formatPerCurrency, formatSelector, validityOf } from "../../lib/format"
import type { AdminCoupon } from "../../lib/types"

const Row = ({ label, value }: { label: string; value: React.ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center px-6 py-4">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <Text size="small" leading="compact">
      {value}
    </Text>
  </div>
)

export const CouponSummarySection = ({ coupon, onEdit }: { coupon: AdminCoupon; onEdit: () => void }) => {
  const navigate = useNavigate()
  const prompt = usePrompt()
  const update = useUpdateCoupon(coupon.id)
  const remove = useDeleteCoupon(coupon.id)
  const duplicate = useDuplicateCoupon(coupon.id)

  const onDuplicate = async () => {
    try {
      const { coupon: copy } = await duplicate.mutateAsync()
      toast.success(`Created "${copy.name}" as a draft`)
      navigate(`/coupons/${copy.id}`)
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  const toggle = async (active: boolean) => {
    try {
      await update.mutateAsync({ status: active ? "active" : "inactive" })
      toast.success(active ? "Coupon activated" : "Coupon deactivated")
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  const onDelete = async () => {
    const confirmed = await prompt({
      title: "Delete coupon?",
      description: `Its codes stop working at once. Redemptions stay in the history. Type the coupon's name to confirm.`,
      verificationText: coupon.name,
      verificationInstruction: "Type",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) {
      return
    }
    try {
      await remove.mutateAsync()
      toast.success(`Coupon "${coupon.name}" deleted`)
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
            <Switch checked={coupon.status === "active"} onCheckedChange={toggle} disabled={update.isPending} aria-label="Active" />
            <Text size="small">Active</Text>
          </label>
          <ActionMenu
            groups={[
              [
                { label: "Edit", icon: <PencilSquare />, onClick: onEdit },
                { label: "Duplicate", icon: <SquareTwoStack />, onClick: onDuplicate, disabled: duplicate.isPending },
              ],
              [{ label: "Delete", icon: <Trash />, onClick: onDelete, disabled: remove.isPending }],
            ]}
          />
        </div>
      </div>
      {coupon.description ? <Row label="Description" value={coupon.description} /> : null}
      <Row label="Discount" value={formatDiscount(coupon)} />
      {coupon.discount_type === "percentage" ? (
        <Row
          label="Maximum discount"
          value={
            formatPerCurrency(coupon.max_discount_amounts, coupon.currency_code) ??
            (coupon.max_discount_amount == null ? "No cap" : formatMoney(Number(coupon.max_discount_amount), coupon.currency_code ?? "usd"))
          }
        />
      ) : null}
      <Row
        label="Applies to"
        value={coupon.discount_type === "free_shipping" ? "Shipping" : coupon.target === "items" ? "Each item" : "Whole order"}
      />
      <Row label="Valid" value={validityOf(coupon)} />
      <Row
        label="Usage"
        value={
          coupon.usage_limit_period
            ? `${coupon.usage_count} so far, at most ${formatLimit(coupon.usage_limit, coupon.usage_limit_period)}`
            : `${coupon.usage_count} / ${formatLimit(coupon.usage_limit, null)}`
        }
      />
      <Row label="Per customer" value={formatLimit(coupon.usage_limit_per_customer, coupon.usage_limit_per_customer_period)} />
      <Row
        label="Minimum subtotal"
        value={
          formatPerCurrency(coupon.min_subtotals, coupon.currency_code) ??
          (coupon.min_subtotal ? formatMoney(Number(coupon.min_subtotal), coupon.currency_code ?? "usd") : "—")
        }
      />
      <Row label="Email domains" value={coupon.allowed_email_domains.length ? coupon.allowed_email_domains.join(", ") : "Anyone"} />
      <Row
        label="Sales channels"
        value={coupon.sales_channel_ids.length ? `${coupon.sales_channel_ids.length} selected` : "Every sales channel"}
      />
      <Row label="Combines with" value={formatCombinesWith(coupon)} />
      {coupon.combinable ? <Row label="Priority" value={String(coupon.priority ?? 0)} /> : null}
      {coupon.discount_type === "buy_get" ? (
        <Row
          label="Items to buy"
          value={`${formatSelector(coupon.buy_targets) ?? "—"}${coupon.max_applications ? `, up to ${coupon.max_applications}× per order` : ", as often as the cart fits"}`}
        />
      ) : null}
      <Row
        label="Discounted items"
        value={formatSelector(coupon.targets) ?? (coupon.discount_type === "free_shipping" ? "—" : "All items")}
      />
      {formatSelector(coupon.excluded_targets) ? <Row label="Excluded items" value={formatSelector(coupon.excluded_targets)} /> : null}
      {coupon.shipping_option_ids?.length ? <Row label="Shipping options" value={`${coupon.shipping_option_ids.length} selected`} /> : null}
      <Row
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
        <Row
          label="Minimum of eligible items"
          value={[
            coupon.min_quantity ? `${coupon.min_quantity} items` : null,
            coupon.min_matching_subtotal ? formatMoney(Number(coupon.min_matching_subtotal), coupon.currency_code ?? "usd") : null,
          ]
            .filter(Boolean)
            .join(", ")}
        />
      ) : null}
      <Row
        label="Spend budget"
        value={
          Object.entries(coupon.budget_limits ?? {})
            .map(([currency, amount]) => formatMoney(Number(amount), currency))
            .join(", ") || "None"
        }
      />
    </Container>
  )
}
