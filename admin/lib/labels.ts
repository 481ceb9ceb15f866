import { COUPON_STATUSES, DISCOUNT_TYPES, REDEMPTION_STATUSES } from "../../src/modules/coupon/constants"
import type { CouponStatus, DiscountType } from "./types"

/** One name per discount type, for every list, filter and select of the screens. */
export const DISCOUNT_TYPE_LABELS: Record<DiscountType, string> = {
  percentage: "Percentage",
  fixed: "Fixed amount",
  free_shipping: "Free shipping",
  buy_get: "Buy X get Y",
}

export const COUPON_STATUS_LABELS: Record<CouponStatus, string> = {
  draft: "Draft",
  active: "Active",
  inactive: "Inactive",
  archived: "Archived",
}

/** A redemption's place in its order's life (see REDEMPTION_STATUSES). */
export const REDEMPTION_STATUS_LABELS: Record<(typeof REDEMPTION_STATUSES)[number], string> = {
  redeemed: "Redeemed",
  partially_returned: "Partially returned",
  returned: "Returned",
  reverted: "Reverted",
}

/** Options in the module's own order: a type or status added there shows up here. */
export const discountTypeOptions = DISCOUNT_TYPES.map((value) => ({ label: DISCOUNT_TYPE_LABELS[value], value }))
export const couponStatusOptions = COUPON_STATUSES.map((value) => ({ label: COUPON_STATUS_LABELS[value], value }))
