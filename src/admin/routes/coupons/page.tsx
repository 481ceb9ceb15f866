import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Hashtag } from "@medusajs/icons"
import { CouponListPage } from "../../../../admin/routes/coupon-list/coupon-list-page"

// Medusa reads admin routes from src/admin only; the screen itself lives in admin/
const CouponsRoute = () => <CouponListPage />

export const config = defineRouteConfig({ label: "Coupons", icon: Hashtag })

export default CouponsRoute
