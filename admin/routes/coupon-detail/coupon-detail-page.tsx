import { Container, Skeleton, Text } from "@medusajs/ui"
import { Outlet, useParams } from "react-router-dom"
import { useCoupon } from "../../hooks/coupons"
import { useCouponsTranslation } from "../../lib/i18n"
import { CouponBatchesSection } from "./coupon-batches-section"
import { CouponCodesSection } from "./coupon-codes-section"
import { CouponConditionsSection } from "./coupon-conditions-section"
import { CouponDistributionsSection } from "./coupon-distributions-section"
import { CouponGeneralSection } from "./coupon-general-section"
import { CouponHistorySection } from "./coupon-history-section"
import { CouponRedemptionsSection } from "./coupon-redemptions-section"
import { CouponStatsSection } from "./coupon-stats-section"

/** The dashboard's two-column detail page: what the coupon is and does on the left, its rules beside it. */
const TwoColumns = ({ main, side }: { main: React.ReactNode; side: React.ReactNode }) => (
  <div className="flex w-full flex-col gap-x-4 gap-y-3 xl:flex-row xl:items-start">
    <div className="flex w-full min-w-0 flex-col gap-y-3">{main}</div>
    <div className="flex w-full max-w-[100%] flex-col gap-y-3 xl:mt-0 xl:max-w-[440px]">{side}</div>
  </div>
)

export const CouponDetailPage = () => {
  const { t } = useCouponsTranslation()
  const { id } = useParams()
  const { data, isLoading, isError, error } = useCoupon(id!)

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
          {error?.status === 404 ? t("detail.page.notFound") : t("detail.page.loadError", { message: error?.message })}
        </Text>
      </Container>
    )
  }
  const { coupon } = data
  return (
    <>
      <TwoColumns
        main={
          <>
            <CouponGeneralSection coupon={coupon} />
            <CouponStatsSection coupon={coupon} />
            <CouponCodesSection couponId={coupon.id} />
            <CouponRedemptionsSection couponId={coupon.id} />
            <CouponDistributionsSection couponId={coupon.id} />
            <CouponHistorySection couponId={coupon.id} />
          </>
        }
        side={
          <>
            <CouponConditionsSection coupon={coupon} />
            <CouponBatchesSection couponId={coupon.id} />
          </>
        }
      />
      {/* the drawers of /coupons/:id/edit, /generate, /import and /distribute */}
      <Outlet />
    </>
  )
}
