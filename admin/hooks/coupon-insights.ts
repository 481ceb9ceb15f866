import { FetchError } from "@medusajs/js-sdk"
import { useQuery } from "@tanstack/react-query"
import type { REDEMPTION_STATUS_LABELS } from "../lib/labels"
import { sdk } from "../lib/sdk"
import type { CouponStats } from "../../src/modules/coupon/types"
import { couponQueryKeys } from "./coupons"

// the module's own shape: one home for what the stats routes answer
export type { CouponStats } from "../../src/modules/coupon/types"

export type AdminCouponRedemption = {
  id: string
  code: string
  order_id: string
  customer_id: string | null
  email: string | null
  discount_amount: number
  original_discount_amount?: number | null
  returned_discount_amount?: number
  refunded_amount?: number
  currency_code: string
  status: keyof typeof REDEMPTION_STATUS_LABELS
  created_at: string
}

export const useCouponStats = (id: string) =>
  useQuery<CouponStats, FetchError>({
    queryKey: [...couponQueryKeys.detail(id), "stats"],
    queryFn: async () => {
      const response = await sdk.client.fetch<CouponStats | { stats: CouponStats }>(`/admin/coupons/${id}/stats`)
      return "stats" in response ? response.stats : response
    },
  })

export const useCouponRedemptions = (id: string, query: Record<string, unknown>) =>
  useQuery<{ redemptions: AdminCouponRedemption[]; count: number }, FetchError>({
    queryKey: [...couponQueryKeys.detail(id), "redemptions", query],
    queryFn: () => sdk.client.fetch(`/admin/coupons/${id}/redemptions`, { query }),
    placeholderData: (previous) => previous,
  })
