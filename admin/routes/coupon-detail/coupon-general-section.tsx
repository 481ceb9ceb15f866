import { PencilSquare, SquareTwoStack, Trash } from "@medusajs/icons"
import { formatLimit } from "../../components/usage-period-select"
import { Container, Heading, Switch, Text, toast, usePrompt } from "@medusajs/ui"
import { SectionRow } from "../../components/section-row"
import { useNavigate } from "react-router-dom"
import { ActionMenu } from "../../components/action-menu"
import { CouponStatusBadge } from "../../components/coupon-status-badge"
import { useDeleteCoupon, useDuplicateCoupon, useUpdateCoupon } from "../../hooks/coupons"
import { formatDiscount, formatMoney, formatPerCurrency, validityOf } from "../../lib/format"
import type { AdminCoupon } from "../../lib/types"

/** What the coupon gives and how often: the header with its status and actions, then the discount and usage. */
export const CouponGeneralSection = ({ coupon }: { coupon: AdminCoupon }) => {
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
                { label: "Edit", icon: <PencilSquare />, onClick: () => navigate("edit") },
                { label: "Duplicate", icon: <SquareTwoStack />, onClick: onDuplicate, disabled: duplicate.isPending },
              ],
              [{ label: "Delete", icon: <Trash />, onClick: onDelete, disabled: remove.isPending }],
            ]}
          />
        </div>
      </div>
      {coupon.description ? <SectionRow label="Description" value={coupon.description} /> : null}
      <SectionRow label="Discount" value={formatDiscount(coupon)} />
      {coupon.discount_type === "percentage" ? (
        <SectionRow
          label="Maximum discount"
          value={
            formatPerCurrency(coupon.max_discount_amounts, coupon.currency_code) ??
            (coupon.max_discount_amount == null ? "No cap" : formatMoney(Number(coupon.max_discount_amount), coupon.currency_code ?? "usd"))
          }
        />
      ) : null}
      <SectionRow
        label="Applies to"
        value={coupon.discount_type === "free_shipping" ? "Shipping" : coupon.target === "items" ? "Each item" : "Whole order"}
      />
      <SectionRow label="Valid" value={validityOf(coupon)} />
      <SectionRow
        label="Usage"
        value={
          coupon.usage_limit_period
            ? `${coupon.usage_count} so far, at most ${formatLimit(coupon.usage_limit, coupon.usage_limit_period)}`
            : `${coupon.usage_count} / ${formatLimit(coupon.usage_limit, null)}`
        }
      />
      <SectionRow label="Per customer" value={formatLimit(coupon.usage_limit_per_customer, coupon.usage_limit_per_customer_period)} />
    </Container>
  )
}
