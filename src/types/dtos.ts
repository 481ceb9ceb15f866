import type { InferTypeOf } from "@medusajs/framework/types"
import type {
  Coupon,
  CouponAuditEntry,
  CouponCode,
  CouponCodeBatch,
  CouponCustomerUsage,
  CouponDistribution,
  CouponRedemption,
} from "../modules/coupon/models"

/** The coupon module's records, as its service and `query.graph` return them. */
export type CouponDTO = InferTypeOf<typeof Coupon>
export type CouponCodeDTO = InferTypeOf<typeof CouponCode>
export type CouponCodeBatchDTO = InferTypeOf<typeof CouponCodeBatch>
export type CouponRedemptionDTO = InferTypeOf<typeof CouponRedemption>
export type CouponCustomerUsageDTO = InferTypeOf<typeof CouponCustomerUsage>
export type CouponDistributionDTO = InferTypeOf<typeof CouponDistribution>
export type CouponAuditEntryDTO = InferTypeOf<typeof CouponAuditEntry>

export type {
  CodeAssignment,
  CouponStats,
  CouponStatsInput,
  DistributeCodesInput,
  NewCouponCode,
  Recipient,
  RedeemCodeInput,
  RedemptionFilters,
  RevertedRedemption,
  RevertRedemptionsInput,
  TopCoupon,
} from "../modules/coupon/types"
export type { CouponReason } from "../modules/coupon/rules/reasons"
export type { CouponRule } from "../modules/coupon/rules/types"
export type { CouponPluginOptions, CouponPluginOptionsInput } from "../modules/coupon/options"
