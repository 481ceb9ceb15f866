import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Hashtag } from "@medusajs/icons"
import { Outlet } from "react-router-dom"
import { couponsBreadcrumb } from "../../../../admin/components/coupon-breadcrumbs"
import { CouponListPage } from "../../../../admin/routes/coupon-list/coupon-list-page"

// Medusa reads admin routes from src/admin only; the screen itself lives in admin/
// the Outlet draws the child routes (@create) over the list
const CouponsRoute = () => (
  <>
    <CouponListPage />
    <Outlet />
  </>
)

// the label is a key of the plugin's own namespace (src/admin/i18n)
export const config = defineRouteConfig({ label: "sidebar.label", translationNs: "coupons", icon: Hashtag })

// "Coupons" in the dashboard's top bar
export const handle = { breadcrumb: couponsBreadcrumb }

export default CouponsRoute
