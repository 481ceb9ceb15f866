import type { z } from "@medusajs/framework/zod"
import type { AdminCreateCoupon, AdminGetCouponsParams, AdminUpdateCoupon } from "../../api/admin/coupons/validators"
import type { CouponStats, TopCoupon } from "../../modules/coupon/types"
import type { CouponCodeBatchDTO, CouponCodeDTO, CouponDistributionDTO, CouponDTO, CouponRedemptionDTO } from "../dtos"

type Page = { count: number; offset: number; limit: number }
type Deleted<Object extends string> = { id: string; object: Object; deleted: true }

export type AdminCreateCouponRequest = z.input<typeof AdminCreateCoupon>
export type AdminUpdateCouponRequest = z.input<typeof AdminUpdateCoupon>
export type AdminListCouponsQuery = z.input<typeof AdminGetCouponsParams>

/** `GET/POST /admin/coupons/:id`, `POST /admin/coupons`, `POST /admin/coupons/:id/duplicate` (fields as asked) */
export type AdminCouponResponse = { coupon: Partial<CouponDTO> & { id: string } }
export type AdminCouponListResponse = Page & { coupons: (Partial<CouponDTO> & { id: string })[] }
export type AdminCouponDeleteResponse = Deleted<"coupon">

export type AdminCouponCodeListResponse = Page & { codes: (Partial<CouponCodeDTO> & { id: string })[] }
export type AdminCouponCodeResponse = { code: Partial<CouponCodeDTO> & { id: string } }
export type AdminCouponCodeDeleteResponse = Deleted<"coupon_code">

export type AdminCouponCodeBatchResponse = { batch: Partial<CouponCodeBatchDTO> & { id: string } }
export type AdminCouponCodeBatchListResponse = Page & { batches: (Partial<CouponCodeBatchDTO> & { id: string })[] }

export type AdminCouponRedemptionListResponse = Page & { redemptions: (Partial<CouponRedemptionDTO> & { id: string })[] }
export type AdminCouponDistributionListResponse = Page & { distributions: (Partial<CouponDistributionDTO> & { id: string })[] }

/** `GET /admin/coupons/:id/stats` */
export type AdminCouponStatsResponse = CouponStats & { coupon_id: string; from: string | null; to: string | null }
/** `GET /admin/coupons/stats` */
export type AdminStoreCouponStatsResponse = CouponStats & { from: string | null; to: string | null; top_coupons: TopCoupon[] }
