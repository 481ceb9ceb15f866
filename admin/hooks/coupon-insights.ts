import { FetchError } from "@medusajs/js-sdk"
import { useQuery } from "@tanstack/react-query"
import type { REDEMPTION_STATUS_LABELS } from "../lib/labels"
import { sdk } from "../lib/sdk"
import { couponQueryKeys } from "./coupons"

export type CouponStats = {
  redemptions: number
  unique_customers: number
  discount_total: number
  revenue: number
  average_order_value: number
  codes_issued: number
  codes_redeemed: number
  redemption_rate: number
  currency_code?: string | null
  daily: { date: string; redemptions: number; discount_total: number }[]
}

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
