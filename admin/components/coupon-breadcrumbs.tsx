import { TriangleRightMini } from "@medusajs/icons"
import { Link } from "react-router-dom"
import { useCoupon } from "../hooks/coupons"
import { useCouponsTranslation } from "../lib/i18n"

/*
 * The dashboard's top bar shows the `breadcrumb` of each matched route's `handle`, as on
 * Medusa's own pages ("Promotions › CODE"). A plugin's /coupons/:id is not a child route of
 * /coupons (its page would draw inside the list), so the detail's crumb carries the trail
 * itself, in the bar's own classes.
 */

const CouponsLabel = () => {
  const { t } = useCouponsTranslation()
  return <>{t("sidebar.label")}</>
}

/** "Coupons" on the list. */
export const couponsBreadcrumb = () => <CouponsLabel />

const CouponTrail = ({ id }: { id: string }) => {
  // the page itself reads the same query: the name comes from its cache
  const { data } = useCoupon(id)
  return (
    <span className="flex items-center">
      <Link className="transition-fg hover:text-ui-fg-subtle" to="/coupons">
        <CouponsLabel />
      </Link>
      <span className="mx-2">
        <TriangleRightMini className="rtl:rotate-180" />
      </span>
      <span>{data?.coupon.name ?? ""}</span>
    </span>
  )
}

/** "Coupons › Summer sale" on a coupon's page and its drawers. */
export const couponBreadcrumb = (match: { params: { id?: string } }) => <CouponTrail id={match.params.id ?? ""} />
