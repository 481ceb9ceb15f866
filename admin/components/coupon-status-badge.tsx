import { StatusBadge } from "@medusajs/ui"
import { couponState } from "../lib/format"
import { useCouponsTranslation } from "../lib/i18n"
import type { AdminCoupon } from "../lib/types"

const COLORS = { active: "green", scheduled: "blue", expired: "orange", inactive: "grey" } as const

export const CouponStatusBadge = ({ coupon }: { coupon: Pick<AdminCoupon, "status" | "starts_at" | "ends_at"> }) => {
  const { t } = useCouponsTranslation()
  const state = couponState(coupon)
  // a draft or archived coupon says so; otherwise whether it works right now
  const label = coupon.status === "draft" || coupon.status === "archived" ? t(`couponStatus.${coupon.status}`) : t(`couponState.${state}`)
  return <StatusBadge color={COLORS[state]}>{label}</StatusBadge>
}
