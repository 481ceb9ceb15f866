import { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { couponQueryKeys } from "./coupons"

export type AdminCouponDistribution = {
  id: string
  batch_id: string | null
  customer_group_id: string | null
  recipient_count: number
  assigned_count: number
  skipped_count: number
  redeemed_count: number
  created_by: string | null
  created_at: string
  valid_for_days: number | null
}

export type DistributionBody = { emails?: string[]; customer_group_id?: string; batch_id?: string; valid_for_days?: number }

const distributionsKey = (id: string) => [...couponQueryKeys.detail(id), "distributions"] as const

export const useCouponDistributions = (id: string) =>
  useQuery<{ distributions: AdminCouponDistribution[]; count: number }, FetchError>({
    queryKey: distributionsKey(id),
    queryFn: () => sdk.client.fetch(`/admin/coupons/${id}/distributions`, { query: { limit: 20 } }),
  })

export const useDistributeCodes = (id: string) => {
  const client = useQueryClient()
  return useMutation<{ distribution: AdminCouponDistribution }, FetchError, DistributionBody>({
    mutationFn: (body) => sdk.client.fetch(`/admin/coupons/${id}/distributions`, { method: "POST", body }),
    // the codes list shows who got which code
    onSuccess: () => client.invalidateQueries({ queryKey: couponQueryKeys.detail(id) }),
  })
}
