import { useCoupon } from "../hooks/coupons"
import { useCouponsTranslation } from "../lib/i18n"

/*
 * The dashboard's top bar shows the `breadcrumb` of each matched route's `handle`, as on
 * Medusa's own pages ("Promotions › CODE"): the list's crumb, then the coupon's.
 */

const CouponsLabel = () => {
  const { t } = useCouponsTranslation()
  return <>{t("sidebar.label")}</>
}

/** "Coupons", on the list and first on a coupon's page. */
export const couponsBreadcrumb = () => <CouponsLabel />

const CouponName = ({ id }: { id: string }) => {
  // the page itself reads the same query: the name comes from its cache
  const { data } = useCoupon(id)
  return <>{data?.coupon.name ?? ""}</>
}

/** The coupon's name, after "Coupons ›" on its page and its drawers. */
export const couponBreadcrumb = (match: { params: { id?: string } }) => <CouponName id={match.params.id ?? ""} />
