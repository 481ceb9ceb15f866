import { defineLink } from "@medusajs/framework/utils"
import PromotionModule from "@medusajs/medusa/promotion"
import CouponModule from "../modules/coupon"

/** Each coupon is backed by one native promotion that carries the money. */
export default defineLink(CouponModule.linkable.coupon, PromotionModule.linkable.promotion)
