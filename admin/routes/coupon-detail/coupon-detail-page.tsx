import { Container, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { useParams } from "react-router-dom"
import { useCoupon } from "../../hooks/coupons"
import { CouponCodesSection } from "./coupon-codes-section"
import { CouponDistributionsSection } from "./coupon-distributions-section"
import { CouponEditDrawer } from "./coupon-edit-drawer"
import { CouponHistorySection } from "./coupon-history-section"
import { CouponRedemptionsSection } from "./coupon-redemptions-section"
import { CouponStatsSection } from "./coupon-stats-section"
import { CouponSummarySection } from "./coupon-summary-section"

export const CouponDetailPage = () => {
  const { id } = useParams()
  const { data, isLoading, isError, error } = useCoupon(id!)
  const [editing, setEditing] = useState(false)

  if (isLoading) {
    return (
      <Container className="flex flex-col gap-y-3 p-6" aria-busy="true">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-5 w-full" />
        <Skeleton className="h-5 w-2/3" />
      </Container>
    )
  }
  if (isError || !data) {
    return (
      <Container className="p-6">
        <Text className="text-ui-fg-error" role="alert">
          {error?.status === 404 ? "This coupon does not exist." : `Could not load the coupon: ${error?.message}`}
        </Text>
      </Container>
    )
  }
  return (
    <div className="flex flex-col gap-y-3">
      <CouponSummarySection coupon={data.coupon} onEdit={() => setEditing(true)} />
      <CouponStatsSection coupon={data.coupon} />
      <CouponCodesSection couponId={data.coupon.id} />
      <CouponDistributionsSection couponId={data.coupon.id} />
      <CouponRedemptionsSection couponId={data.coupon.id} />
      <CouponHistorySection couponId={data.coupon.id} />
      <CouponEditDrawer coupon={data.coupon} open={editing} onOpenChange={setEditing} />
    </div>
  )
}
