import { StatusBadge } from "@medusajs/ui"
import { couponState } from "../lib/format"
import type { AdminCoupon } from "../lib/types"

const COLORS = { active: "green", scheduled: "blue", expired: "orange", inactive: "grey" } as const
const LABELS = { active: "Active", scheduled: "Scheduled", expired: "Expired", inactive: "Inactive" } as const

export const CouponStatusBadge = ({ coupon }: { coupon: Pick<AdminCoupon, "status" | "starts_at" | "ends_at"> }) => {
  const state = couponState(coupon)
  const label = coupon.status === "draft" ? "Draft" : coupon.status === "archived" ? "Archived" : LABELS[state]
  return <StatusBadge color={COLORS[state]}>{label}</StatusBadge>
}
