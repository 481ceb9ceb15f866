import { COUPON_STATUSES, DISCOUNT_TYPES, REDEMPTION_STATUSES } from "../../src/modules/coupon/constants"
import en from "../../src/admin/i18n/json/en.json"
import type { CouponsT } from "./i18n"
import type { CouponStatus, DiscountType } from "./types"

type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number]

/** A discount type's name in the admin's language, for every list, filter and select of the screens. */
export const discountTypeLabel = (type: DiscountType, t: CouponsT) => t(`discountType.${type}`)
export const couponStatusLabel = (status: CouponStatus, t: CouponsT) => t(`couponStatus.${status}`)
/** A redemption's place in its order's life (see REDEMPTION_STATUSES). */
export const redemptionStatusLabel = (status: RedemptionStatus, t: CouponsT) => t(`redemptionStatus.${status}`)

/** Options in the module's own order: a type or status added there shows up here. */
export const discountTypeOptionsOf = (t: CouponsT) => DISCOUNT_TYPES.map((value) => ({ label: discountTypeLabel(value, t), value }))
export const couponStatusOptionsOf = (t: CouponsT) => COUPON_STATUSES.map((value) => ({ label: couponStatusLabel(value, t), value }))

// English only, for screens not translated yet: use the functions above with `t`
export const DISCOUNT_TYPE_LABELS: Record<DiscountType, string> = en.discountType
export const COUPON_STATUS_LABELS: Record<CouponStatus, string> = en.couponStatus
export const REDEMPTION_STATUS_LABELS: Record<RedemptionStatus, string> = en.redemptionStatus
export const discountTypeOptions = DISCOUNT_TYPES.map((value) => ({ label: DISCOUNT_TYPE_LABELS[value], value }))
export const couponStatusOptions = COUPON_STATUSES.map((value) => ({ label: COUPON_STATUS_LABELS[value], value }))
